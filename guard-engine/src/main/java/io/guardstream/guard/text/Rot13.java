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

  /**
   * Words of instructions and credentials, rot13-encoded ("vtaber" is "ignore"), as hashes of
   * their lower-case letters. Plain English hardly contains them, so distinct ones mark a text
   * worth decoding whole.
   */
  private static final long[] STRONG = hashes("ignore", "disregard", "forget", "previous",
      "instructions", "instruction", "prompt", "system", "reveal", "rules", "password", "secret",
      "override", "pretend", "restrictions", "assistant", "developer", "jailbreak", "print",
      "repeat", "above");
  /** Function words: their rot13 forms ("gur", "naq", "lbh") are rare in English, not absent. */
  private static final long[] WEAK = hashes("the", "and", "your", "you", "all", "for", "this",
      "that", "with", "are", "not", "from", "what");

  private static long[] hashes(String... words) {
    long[] h = new long[words.length];
    for (int i = 0; i < words.length; i++) {
      String r = of(words[i]);
      h[i] = hash(r, 0, r.length());
    }
    java.util.Arrays.sort(h);
    return h;
  }

  private static long hash(CharSequence t, int from, int to) {
    long h = 0;
    for (int i = from; i < to; i++) {
      h = h * 31 + (t.charAt(i) | 0x20);
    }
    return h;
  }

  /**
   * Whether {@code text} reads as rot13-encoded English: two distinct instruction or credential
   * words, or one and two distinct function words. One pass over the text, no allocation.
   */
  public static boolean looksEncoded(CharSequence text) {
    long strong = 0;
    long weak = 0;
    int weakCount = 0;
    boolean hasStrong = false;
    int n = text.length();
    int i = 0;
    while (i < n) {
      if (!isAsciiLetter(text.charAt(i))) {
        i++;
        continue;
      }
      int s = i;
      long h = 0;
      while (i < n && isAsciiLetter(text.charAt(i))) {
        h = h * 31 + (text.charAt(i) | 0x20);
        i++;
      }
      int len = i - s;
      if (len < 3 || len > 12) {
        continue;
      }
      if (java.util.Arrays.binarySearch(STRONG, h) >= 0) {
        if (hasStrong && h != strong) {
          return true;
        }
        hasStrong = true;
        strong = h;
      } else if (java.util.Arrays.binarySearch(WEAK, h) >= 0 && weakCount < 2
          && (weakCount == 0 || h != weak)) {
        weak = h;
        weakCount++;
      }
      if (hasStrong && weakCount >= 2) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAsciiLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }
}
