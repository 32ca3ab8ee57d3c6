package io.guardstream.guard.detect;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * Words of the output, normalised as {@link io.guardstream.guard.PromptFingerprint} does (lower case, NFKC for
 * non-ASCII words), copied once into one char array so shingles hash in a tight loop. Lent from
 * {@link #POOL} for one text at a time and refilled by {@link #of}.
 */
final class OutputWords {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;
  private static final long FNV_PRIME_SQUARED = FNV_PRIME * FNV_PRIME;

  static final SlotPool<OutputWords> POOL = new SlotPool<>(OutputWords::new);

  /** ASCII letters and digits lower-cased; 0 for the other ASCII chars, which end words. */
  private static final char[] ASCII_WORD = new char[128];

  static {
    for (char c = 0; c < 128; c++) {
      if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
        ASCII_WORD[c] = c;
      } else if (c >= 'A' && c <= 'Z') {
        ASCII_WORD[c] = (char) (c + 32);
      }
    }
  }

  /** The text being read, copied: array reads are markedly faster than charAt. */
  private char[] source = new char[256];
  /** The words' chars, one after another, and where each word's are. */
  private char[] chars = new char[256];
  private int used;
  private int[] from = new int[64];
  private int[] to = new int[64];
  /** Span of each word in the original text. */
  int[] start = new int[64];
  int[] end = new int[64];
  int count;
  /** Whether every word is ASCII: then {@link #chars} are the text's letters and digits. */
  private boolean ascii;
  private long[] hashes = new long[64];
  private final long[] filterBits = new long[64];

  /** Refills this instance with the words of {@code text}; returns it. */
  OutputWords of(CharSequence text) {
    int n = text.length();
    if (source.length < n) {
      source = new char[Math.max(n, 2 * source.length)];
    }
    char[] src = source;
    if (text instanceof String s) {
      s.getChars(0, n, src, 0);
    } else {
      for (int k = 0; k < n; k++) {
        src[k] = text.charAt(k);
      }
    }
    count = 0;
    ascii = true;
    char[] out = chars;
    int w = 0; // chars used
    int i = 0;
    while (i < n) {
      char c = src[i];
      if (c < 128 ? ASCII_WORD[c] == 0 : !Character.isLetterOrDigit(c)) {
        i++;
        continue;
      }
      if (out.length - w < n - i) {
        out = chars = Arrays.copyOf(out, Math.max(w + n - i, 2 * out.length));
      }
      int s = i;
      int ws = w;
      boolean asciiWord = true;
      for (; i < n; i++) {
        c = src[i];
        char l;
        if (c < 128) {
          if ((l = ASCII_WORD[c]) == 0) {
            break;
          }
        } else if (Character.isLetterOrDigit(c)) {
          l = c;
          asciiWord = false;
        } else {
          break;
        }
        out[w++] = l;
      }
      if (asciiWord) {
        word(ws, w, s, i);
      } else {
        ascii = false;
        w = normalizedWords(text.subSequence(s, i), ws, s, i);
        out = chars;
      }
    }
    used = w;
    return this;
  }

  /**
   * Replaces the chars from {@code w} on with the words of a non-ASCII run as the fingerprint
   * reads it: NFKC may turn one run into several words ("Ŀ" → "l·"). Returns the chars used.
   */
  private int normalizedWords(CharSequence run, int w, int textStart, int textEnd) {
    String norm = Normalizer.normalize(run, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    if (chars.length - w < norm.length()) {
      chars = Arrays.copyOf(chars, Math.max(w + norm.length(), 2 * chars.length));
    }
    int k = 0;
    while (k < norm.length()) {
      if (!Character.isLetterOrDigit(norm.charAt(k))) {
        k++;
        continue;
      }
      int ws = w;
      while (k < norm.length() && Character.isLetterOrDigit(norm.charAt(k))) {
        chars[w++] = norm.charAt(k++);
      }
      word(ws, w, textStart, textEnd);
    }
    return w;
  }

  private void word(int charsFrom, int charsTo, int textStart, int textEnd) {
    if (count == from.length) {
      from = Arrays.copyOf(from, count * 2);
      to = Arrays.copyOf(to, count * 2);
      start = Arrays.copyOf(start, count * 2);
      end = Arrays.copyOf(end, count * 2);
    }
    from[count] = charsFrom;
    to[count] = charsTo;
    start[count] = textStart;
    end[count] = textEnd;
    count++;
  }

  /**
   * Where {@code target} first occurs in the words' chars read as one run (letters and digits,
   * lower case, whatever stood between them), or -1. Only meaningful when {@link #ascii()}.
   */
  int indexOfJoined(String target) {
    int m = target.length();
    char first = target.charAt(0);
    char[] c = chars;
    outer:
    for (int k = 0, last = used - m; k <= last; k++) {
      if (c[k] != first) {
        continue;
      }
      for (int q = 1; q < m; q++) {
        if (c[k + q] != target.charAt(q)) {
          continue outer;
        }
      }
      return k;
    }
    return -1;
  }

  /** Index in the text of joined char {@code k} ({@link #indexOfJoined}); needs {@link #ascii()}. */
  int textIndex(int k) {
    int j = Arrays.binarySearch(from, 0, count, k);
    if (j < 0) {
      j = -j - 2; // the word that starts before k
    }
    return start[j] + k - from[j];
  }

  /** Whether every word was ASCII, so the words' chars are the text's, one for one. */
  boolean ascii() {
    return ascii;
  }

  /**
   * Hashes of every run of {@code size} words (positions 0 .. count - size), as
   * {@link #hash(int, int)} computes them, in the first count - size + 1 entries of an array
   * reused by the next call. For the usual size 5 the words are read once: five hashes are
   * open at any time (one per shingle that contains the current word), each its own multiply
   * chain, so the CPU overlaps them and no char is read twice.
   */
  long[] shingles(int size) {
    int m = count - size + 1;
    if (hashes.length < m) {
      hashes = new long[Math.max(m, 2 * hashes.length)];
    }
    long[] out = hashes;
    if (size != 5) {
      for (int i = 0; i < m; i++) {
        out[i] = hash(i, size);
      }
      return out;
    }
    // h0 is the shingle that starts at the current word, h4 the one that ends with it.
    long h0 = FNV_OFFSET;
    long h1 = FNV_OFFSET;
    long h2 = FNV_OFFSET;
    long h3 = FNV_OFFSET;
    long h4 = FNV_OFFSET;
    char[] c = chars;
    for (int w = 0; w < count; w++) {
      h4 = h3;
      h3 = h2;
      h2 = h1;
      h1 = h0;
      h0 = FNV_OFFSET;
      for (int k = from[w], e = to[w]; k < e; k++) {
        char ch = c[k];
        if (ch < 256) {
          h0 = (h0 ^ ch) * FNV_PRIME_SQUARED; // (h ^ low) * P, then (h ^ 0) * P
          h1 = (h1 ^ ch) * FNV_PRIME_SQUARED;
          h2 = (h2 ^ ch) * FNV_PRIME_SQUARED;
          h3 = (h3 ^ ch) * FNV_PRIME_SQUARED;
          h4 = (h4 ^ ch) * FNV_PRIME_SQUARED;
        } else {
          long lo = ch & 0xff;
          long hi = ch >>> 8;
          h0 = ((h0 ^ lo) * FNV_PRIME ^ hi) * FNV_PRIME;
          h1 = ((h1 ^ lo) * FNV_PRIME ^ hi) * FNV_PRIME;
          h2 = ((h2 ^ lo) * FNV_PRIME ^ hi) * FNV_PRIME;
          h3 = ((h3 ^ lo) * FNV_PRIME ^ hi) * FNV_PRIME;
          h4 = ((h4 ^ lo) * FNV_PRIME ^ hi) * FNV_PRIME;
        }
      }
      h0 = (h0 ^ ' ') * FNV_PRIME;
      h1 = (h1 ^ ' ') * FNV_PRIME;
      h2 = (h2 ^ ' ') * FNV_PRIME;
      h3 = (h3 ^ ' ') * FNV_PRIME;
      h4 = (h4 ^ ' ') * FNV_PRIME;
      if (w >= 4) {
        out[w - 4] = h4;
      }
    }
    return out;
  }

  /**
   * A 4096-bit filter of {@code hashes} (reused between calls): a shingle whose bit is clear is
   * certainly not among them, so most shingles skip the binary search.
   */
  long[] filter(long[] hashes) {
    java.util.Arrays.fill(filterBits, 0L);
    for (long h : hashes) {
      filterBits[(int) (h >>> 58)] |= 1L << (int) (h >>> 52);
    }
    return filterBits;
  }

  static boolean mayContain(long[] filter, long h) {
    return (filter[(int) (h >>> 58)] & 1L << (int) (h >>> 52)) != 0;
  }

  /** Same hash as PromptFingerprint.shingleHashes for words [i, i + len). */
  long hash(int i, int len) {
    long h = FNV_OFFSET;
    char[] c = chars;
    for (int j = i; j < i + len; j++) {
      for (int k = from[j], e = to[j]; k < e; k++) {
        h = step(h, c[k]);
      }
      h = endWord(h);
    }
    return h;
  }

  /**
   * {@code h} extended by word {@code j} spelled backwards, as its own word: words [i, e) spelled
   * backwards ("moon blue" → "eulb noom") hash as word e-1, e-2, ..., i read this way, so the
   * prompt a model disguised so hashes to the prompt's own hash.
   */
  long backwardsWord(long h, int j) {
    char[] c = chars;
    for (int k = to[j] - 1; k >= from[j]; k--) {
      h = step(h, c[k]);
    }
    return endWord(h);
  }

  /** {@code h} extended by word {@code j} rot13 encoded (decoded), as its own word. */
  long rot13Word(long h, int j) {
    char[] c = chars;
    for (int k = from[j]; k < to[j]; k++) {
      h = step(h, rot13(c[k]));
    }
    return endWord(h);
  }

  /** Number of chars of word {@code j} (as normalised). */
  int length(int j) {
    return to[j] - from[j];
  }

  /** Char {@code k} of word {@code j} (as normalised). */
  char charAt(int j, int k) {
    return chars[from[j] + k];
  }

  static long step(long h, char ch) {
    return ch < 256
        ? (h ^ ch) * FNV_PRIME_SQUARED // (h ^ low) * P, then (h ^ 0) * P
        : ((h ^ (ch & 0xff)) * FNV_PRIME ^ (ch >>> 8)) * FNV_PRIME;
  }

  static long endWord(long h) {
    return (h ^ ' ') * FNV_PRIME;
  }

  static long offset() {
    return FNV_OFFSET;
  }

  static char rot13(char c) {
    return c >= 'a' && c <= 'z' ? (char) ('a' + (c - 'a' + 13) % 26) : c;
  }
}
