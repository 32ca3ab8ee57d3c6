package io.guardstream.guard.classify;

import java.util.function.IntConsumer;

/**
 * Turns text into hashed feature indices: character n-grams and word n-grams over a canonical form
 * of the text (letters lower-cased, digits folded to {@code 0}, whitespace runs collapsed to one
 * space). Hashes are computed while walking the text, so no substring or token is ever allocated.
 *
 * <p>Character n-grams capture spelling variants and sub-word cues ("ignor", "jailbr"); word
 * unigrams and bigrams capture phrasing ("previous instructions", "developer mode").
 */
final class FeatureHasher {

  /** Multiplier of the polynomial n-gram hash; odd, so it is a bijection modulo 2^64. */
  private static final long P = 0x100000001B3L * 0x9E3779B1L | 1L;
  /** Fibonacci-hashing multiplier that spreads polynomial hashes over the buckets. */
  private static final long SPREAD = 0x9E3779B97F4A7C15L;
  private static final long WORD_SALT = 0x5DEECE66DL;
  private static final long BIGRAM_SALT = 0x2545F4914F6CDD1DL;
  private static final long TRIGRAM_SALT = 0x62A9D9ED799705F5L;

  /** Longest character n-gram the hasher supports; bounds the per-character work. */
  static final int MAX_CHAR_N = 6;

  private final int bits;
  private final int charMin;
  private final int charMax;
  private final int wordMax;
  /** {@code POW[k] = P^k}, so an n-gram hash grows backwards from its last character. */
  private final long[] pow;
  private final long[] charSalt;

  FeatureHasher(int bits, int charMin, int charMax, int wordMax) {
    if (bits < 10 || bits > 24) {
      throw new IllegalArgumentException("bits must be in [10, 24]: " + bits);
    }
    if (charMin < 1 || charMax < charMin || charMax > MAX_CHAR_N) {
      throw new IllegalArgumentException(
          "character n-gram range must satisfy 1 <= min <= max <= " + MAX_CHAR_N);
    }
    if (wordMax < 0 || wordMax > 3) {
      throw new IllegalArgumentException("word n-gram order must be in [0, 3]: " + wordMax);
    }
    this.bits = bits;
    this.charMin = charMin;
    this.charMax = charMax;
    this.wordMax = wordMax;
    this.pow = new long[MAX_CHAR_N];
    this.charSalt = new long[MAX_CHAR_N + 1];
    long p = 1;
    for (int k = 0; k < MAX_CHAR_N; k++) {
      pow[k] = p;
      p *= P;
      charSalt[k + 1] = (k + 1) * 0xC2B2AE3D27D4EB4FL;
    }
  }

  int bits() {
    return bits;
  }

  int buckets() {
    return 1 << bits;
  }

  int charMin() {
    return charMin;
  }

  int charMax() {
    return charMax;
  }

  int wordMax() {
    return wordMax;
  }

  /**
   * Emits the bucket of every feature of {@code text[from, to)} to {@code sink}, in text order
   * (repeats included), and returns how many were emitted.
   */
  int hash(CharSequence text, int from, int to, IntConsumer sink) {
    final int shift = 64 - bits;
    // Last MAX_CHAR_N canonical code points, most recent first; the text starts after a space.
    long c0 = ' ';
    long c1 = 0;
    long c2 = 0;
    long c3 = 0;
    long c4 = 0;
    long c5 = 0;
    int seen = 1;
    boolean lastSpace = true;
    long word = 0;
    boolean inWord = false;
    long prevWord = 0;
    long prevPrevWord = 0;
    int words = 0;
    int count = 0;
    int i = from;
    while (i <= to) {
      int cp;
      if (i == to) {
        cp = ' '; // closes the last word and the last character n-grams at a boundary
        i++;
      } else {
        char ch = text.charAt(i);
        if (Character.isHighSurrogate(ch) && i + 1 < to
            && Character.isLowSurrogate(text.charAt(i + 1))) {
          cp = Character.toCodePoint(ch, text.charAt(i + 1));
          i += 2;
        } else {
          cp = ch; // an unpaired surrogate is hashed as the code unit it is
          i++;
        }
      }
      int canon = canonical(cp);
      boolean space = canon == ' ';
      if (space && lastSpace) {
        continue;
      }
      lastSpace = space;
      boolean wordChar = !space && Character.isLetterOrDigit(canon);
      if (wordChar) {
        word = inWord ? word * P + canon : canon + WORD_SALT;
        inWord = true;
      } else if (inWord) {
        inWord = false;
        words++;
        if (wordMax >= 1) {
          sink.accept((int) ((word * SPREAD) >>> shift));
          count++;
        }
        if (wordMax >= 2 && words >= 2) {
          sink.accept((int) (((prevWord * P + word) ^ BIGRAM_SALT) * SPREAD >>> shift));
          count++;
        }
        if (wordMax >= 3 && words >= 3) {
          long h = (prevPrevWord * P + prevWord) * P + word;
          sink.accept((int) ((h ^ TRIGRAM_SALT) * SPREAD >>> shift));
          count++;
        }
        prevPrevWord = prevWord;
        prevWord = word;
      }
      c5 = c4;
      c4 = c3;
      c3 = c2;
      c2 = c1;
      c1 = c0;
      c0 = canon;
      if (seen < MAX_CHAR_N) {
        seen++;
      }
      // g is the hash of the n-gram ending here, grown one character backwards per step.
      long g = 0;
      for (int n = 1; n <= charMax && n <= seen; n++) {
        long c = n == 1 ? c0 : n == 2 ? c1 : n == 3 ? c2 : n == 4 ? c3 : n == 5 ? c4 : c5;
        g += c * pow[n - 1];
        if (n >= charMin) {
          sink.accept((int) (((g ^ charSalt[n]) * SPREAD) >>> shift));
          count++;
        }
      }
    }
    return count;
  }

  /** Case, digit and whitespace folding: differences that rarely change what a text asks for. */
  static int canonical(int cp) {
    if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
      return ' ';
    }
    if (Character.isDigit(cp)) {
      return '0';
    }
    return Character.toLowerCase(cp);
  }
}
