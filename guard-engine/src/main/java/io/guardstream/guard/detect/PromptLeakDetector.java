package io.guardstream.guard.detect;

import io.guardstream.guard.GuardRequest;
import io.guardstream.guard.PromptFingerprint;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * Type {@code prompt_leak}: output that reveals a registered system prompt. A planted canary
 * token is a certain leak, also disguised ({@link CanaryScanner}: case, spacing, punctuation,
 * backwards, rot13; encoded runs are decoded by the engine). Otherwise the output's word
 * shingles are hashed exactly as {@link PromptFingerprint} hashes the prompt's, and runs of
 * shared shingles count as evidence; a prompt shorter than a shingle (an access code, a
 * passphrase) is looked for as written and disguised ({@link ShortPromptScanner}), and so is
 * each secret value a longer prompt states ("the password is ..."). The prompt text itself is
 * never needed.
 */
public final class PromptLeakDetector implements Detector {
  private final int minShingles;
  private final double minFraction;
  private final int minShortChars;

  private PromptLeakDetector(int minShingles, double minFraction, int minShortChars) {
    this.minShingles = minShingles;
    this.minFraction = minFraction;
    this.minShortChars = minShortChars;
  }

  /** The {@code prompt_leak} detector type. */
  public static final class Type implements DetectorType {
    @Override
    public String name() {
      return "prompt_leak";
    }

    @Override
    public Detector compile(Params p) {
      int minShingles = p.integer("min_shingles", 3, 1, 1000);
      double minFraction = p.number("min_fraction", 0.5, 0.0, 1.0);
      int minShortChars = p.integer("min_short_chars", 6, 1, 1000);
      p.rejectUnknown();
      return new PromptLeakDetector(minShingles, minFraction, minShortChars);
    }
  }

  @Override
  public View view() {
    return View.RAW;
  }

  @Override
  public void detect(ScanContext ctx, Hits out) {
    GuardRequest req = ctx.request();
    if (req.systemPrompts().isEmpty()) {
      return;
    }
    CharSequence text = ctx.text();
    Words words = null;
    for (PromptFingerprint fp : req.systemPrompts()) {
      if (!applies(fp, req)) {
        continue;
      }
      for (String canary : fp.canaries()) {
        if (canary.isEmpty()) {
          continue;
        }
        int at = indexOf(text, canary);
        if (at >= 0) {
          out.add(at, at + canary.length(), "CANARY_TOKEN", 1.0,
              "canary token of system prompt '" + fp.promptId() + "'");
          continue;
        }
        CanaryScanner.Match m = CanaryScanner.find(text, canary);
        if (m != null) {
          out.add(m.start(), m.end(), "CANARY_TOKEN", 0.95,
              "canary token of system prompt '" + fp.promptId() + "', " + m.how());
        }
      }
      if (fp.shingleHashes().length == 0 && fp.secretHashes().length == 0) {
        continue;
      }
      if (words == null) {
        words = Words.PER_THREAD.get().of(text);
      }
      if (fp.shingleHashes().length > 0) {
        overlap(fp, words, text, out);
      }
      secrets(fp, words, text, out);
    }
  }

  /** A secret value the prompt states, given away on its own (it may share no shingle). */
  private void secrets(PromptFingerprint fp, Words w, CharSequence text, Hits out) {
    for (long secret : fp.secretHashes()) {
      ShortPromptScanner.Match m =
          ShortPromptScanner.find(w, text, secret, fp.shingleSize(), minShortChars);
      if (m != null) {
        out.add(m.start(), m.end(), "PROMPT_SECRET", m.confidence(),
            "output reveals a secret value stated in system prompt '" + fp.promptId() + "' ("
                + m.how() + ")");
      }
    }
  }

  private static boolean applies(PromptFingerprint fp, GuardRequest req) {
    return (req.appName() == null || fp.appName().equals(req.appName()))
        && (fp.tenant() == null || req.tenant() == null || fp.tenant().equals(req.tenant()));
  }

  private void overlap(PromptFingerprint fp, Words w, CharSequence text, Hits out) {
    long[] prompt = fp.shingleHashes();
    int size = fp.shingleSize();
    if (prompt.length == 1) {
      // A short prompt (fewer words than a shingle) is one hash of all its words.
      ShortPromptScanner.Match m =
          ShortPromptScanner.find(w, text, prompt[0], size, minShortChars);
      if (m != null) {
        out.add(m.start(), m.end(), "SYSTEM_PROMPT", m.confidence(),
            "output repeats system prompt '" + fp.promptId() + "' (" + m.how() + ")");
      }
      return;
    }
    if (w.count < size) {
      return;
    }
    int shingles = w.count - size + 1;
    long[] hashes = w.shingles(size);
    long[] filter = w.filter(prompt);
    int matched = 0;
    int runStart = -1;
    int spanStart = -1;
    int spanEnd = -1;
    for (int i = 0; i <= shingles; i++) {
      boolean hit = i < shingles && Words.mayContain(filter, hashes[i])
          && Arrays.binarySearch(prompt, hashes[i]) >= 0;
      if (hit) {
        matched++;
        if (runStart < 0) {
          runStart = i;
        }
      } else if (runStart >= 0) {
        spanStart = spanStart < 0 ? w.start[runStart] : spanStart;
        spanEnd = w.end[i - 1 + size - 1];
        runStart = -1;
      }
    }
    double fraction = (double) matched / prompt.length;
    if (matched >= minShingles || fraction >= minFraction && matched > 0) {
      double confidence = Math.min(1.0, 0.6 + 0.05 * matched + fraction);
      out.add(spanStart, spanEnd, "SYSTEM_PROMPT", confidence,
          "output repeats " + matched + " of " + prompt.length + " shingles of system prompt '"
              + fp.promptId() + "'");
    }
  }

  private static int indexOf(CharSequence text, String needle) {
    return text.toString().indexOf(needle);
  }

  /**
   * Words of the output, normalised as {@link PromptFingerprint} does (lower case, NFKC for
   * non-ASCII words), copied once into one char array so shingles hash in a tight loop. One
   * instance per thread, refilled by {@link #of} for each text.
   */
  static final class Words {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long FNV_PRIME_SQUARED = FNV_PRIME * FNV_PRIME;

    static final ThreadLocal<Words> PER_THREAD = ThreadLocal.withInitial(Words::new);

    private final Builder b = new Builder();
    private char[] chars;
    private int[] from;
    private int[] to;
    /** Span of each word in the original text. */
    int[] start;
    int[] end;
    int count;
    private long[] hashes = new long[64];
    private final long[] filterBits = new long[64];

    /** Refills this instance with the words of {@code text}; returns it. */
    Words of(CharSequence text) {
      int n = text.length();
      b.reset(n);
      int i = 0;
      while (i < n) {
        char c = text.charAt(i);
        if (!isWordChar(c)) {
          i++;
          continue;
        }
        int s = i;
        int w = b.used;
        boolean ascii = true;
        while (i < n && isWordChar(c = text.charAt(i))) {
          ascii &= c < 128;
          b.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
          i++;
        }
        if (ascii) {
          b.word(w, s, i);
          continue;
        }
        // NFKC may turn one run into several words ("Ŀ" → "l·"): split as the fingerprint does.
        String norm = Normalizer.normalize(text.subSequence(s, i), Normalizer.Form.NFKC)
            .toLowerCase(Locale.ROOT);
        b.used = w;
        int k = 0;
        while (k < norm.length()) {
          if (!Character.isLetterOrDigit(norm.charAt(k))) {
            k++;
            continue;
          }
          int ws = b.used;
          while (k < norm.length() && Character.isLetterOrDigit(norm.charAt(k))) {
            b.append(norm.charAt(k++));
          }
          b.word(ws, s, i);
        }
      }
      chars = b.chars;
      from = b.from;
      to = b.to;
      start = b.start;
      end = b.end;
      count = b.count;
      return this;
    }

    /** Growable arrays behind {@link #of}, kept between texts. */
    private static final class Builder {
      char[] chars = new char[256];
      int used;
      int[] from = new int[64];
      int[] to = new int[64];
      int[] start = new int[64];
      int[] end = new int[64];
      int count;

      void reset(int n) {
        if (chars.length < n + 16) {
          chars = new char[n + 16];
        }
        used = 0;
        count = 0;
      }

      void append(char c) {
        if (used == chars.length) {
          chars = Arrays.copyOf(chars, chars.length * 2);
        }
        chars[used++] = c;
      }

      void word(int charsFrom, int textStart, int textEnd) {
        if (count == from.length) {
          from = Arrays.copyOf(from, count * 2);
          to = Arrays.copyOf(to, count * 2);
          start = Arrays.copyOf(start, count * 2);
          end = Arrays.copyOf(end, count * 2);
        }
        from[count] = charsFrom;
        to[count] = used;
        start[count] = textStart;
        end[count] = textEnd;
        count++;
      }
    }

    private static boolean isWordChar(char c) {
      return c < 128 ? c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          : Character.isLetterOrDigit(c);
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
     * The hash of words [i, i + len) spelled backwards ("moon blue" → "eulb noom"), or rot13
     * encoded: the prompt a model disguised that way hashes to the prompt's own hash.
     */
    long disguisedHash(int i, int len, boolean reversed) {
      long h = FNV_OFFSET;
      char[] c = chars;
      for (int n = 0; n < len; n++) {
        int j = reversed ? i + len - 1 - n : i + n;
        if (reversed) {
          for (int k = to[j] - 1; k >= from[j]; k--) {
            h = step(h, c[k]);
          }
        } else {
          for (int k = from[j]; k < to[j]; k++) {
            h = step(h, rot13(c[k]));
          }
        }
        h = endWord(h);
      }
      return h;
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
}
