package io.guardstream.guard.text;

/** rot13, the letter rotation attackers use to slip words past keyword lists. */
public final class Rot13 {
  private Rot13() {}

  /** {@code s} with every ASCII letter rotated by 13, case kept; other chars unchanged. */
  public static String of(String s) {
    char[] c = s.toCharArray();
    for (int i = 0; i < c.length; i++) {
      char ch = c[i];
      if (ch >= 'a' && ch <= 'z') {
        c[i] = (char) ('a' + (ch - 'a' + 13) % 26);
      } else if (ch >= 'A' && ch <= 'Z') {
        c[i] = (char) ('A' + (ch - 'A' + 13) % 26);
      }
    }
    return new String(c);
  }
}
