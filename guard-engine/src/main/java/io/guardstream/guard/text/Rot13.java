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
   * Words of instructions and credentials, rot13-encoded ("vtaber" is "ignore"), as codes of five
   * bits a letter (case ignored). Plain English hardly contains them, so distinct ones mark a
   * text worth decoding whole.
   */
  private static final long[] STRONG = codes("ignore", "disregard", "forget", "previous",
      "instructions", "instruction", "prompt", "system", "reveal", "rules", "password", "secret",
      "override", "pretend", "restrictions", "assistant", "developer", "jailbreak", "print",
      "repeat", "above");
  /** Function words: their rot13 forms ("gur", "naq", "lbh") are rare in English, not absent. */
  private static final long[] WEAK = codes("the", "and", "your", "you", "all", "for", "this",
      "that", "with", "are", "not", "from", "what");

  /**
   * 1024-bit filter over both word lists: a word whose bit is clear is in neither, so most words
   * of a text cost one load instead of two binary searches.
   */
  private static final long[] FILTER = new long[16];

  static {
    for (long h : STRONG) {
      FILTER[filterIndex(h)] |= filterBit(h);
    }
    for (long h : WEAK) {
      FILTER[filterIndex(h)] |= filterBit(h);
    }
  }

  private static long[] codes(String... words) {
    long[] h = new long[words.length];
    for (int i = 0; i < words.length; i++) {
      String r = of(words[i]);
      long x = 0;
      for (int k = 0; k < r.length(); k++) {
        x = code(x, r.charAt(k));
      }
      h[i] = x;
    }
    java.util.Arrays.sort(h);
    return h;
  }

  private static int filterIndex(long h) {
    return (int) (h ^ h >>> 17) & 15;
  }

  private static long filterBit(long h) {
    return 1L << (int) ((h ^ h >>> 23 ^ h >>> 41) >>> 4);
  }

  /** {@code code} of a word extended by the ASCII letter {@code c}: five bits a letter. */
  public static long code(long code, char c) {
    return code << 5 | c & 31;
  }

  /**
   * The words (runs of ASCII letters) of one text, fed as they are read by a scan that walks the
   * text anyway ({@link PayloadDecoder}), tell whether the text reads as rot13-encoded English:
   * two distinct instruction or credential words, or one and two distinct function words.
   */
  public static final class Words {
    private long strong;
    private long weak;
    private int weakCount;
    private boolean hasStrong;
    private boolean encoded;

    /** One word: its {@link #code} and its length (codes are exact up to 12 letters). */
    public void add(long code, int length) {
      if (encoded || length < 3 || length > 12
          || (FILTER[filterIndex(code)] & filterBit(code)) == 0) {
        return;
      }
      if (java.util.Arrays.binarySearch(STRONG, code) >= 0) {
        encoded = hasStrong && code != strong;
        hasStrong = true;
        strong = code;
      } else if (java.util.Arrays.binarySearch(WEAK, code) >= 0 && weakCount < 2
          && (weakCount == 0 || code != weak)) {
        weak = code;
        weakCount++;
      }
      encoded |= hasStrong && weakCount >= 2;
    }

    /** Whether the words so far make the text read as rot13. */
    public boolean encoded() {
      return encoded;
    }
  }
}
