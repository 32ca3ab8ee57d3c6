package io.guardstream.guard.detect;

import io.guardstream.guard.GuardRequest;
import io.guardstream.guard.PromptFingerprint;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * Type {@code prompt_leak}: output that reveals a registered system prompt. A planted canary
 * token is a certain leak; otherwise the output's word shingles are hashed exactly as
 * {@link PromptFingerprint} hashes the prompt's, and runs of shared shingles count as evidence.
 * The prompt text itself is never needed.
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
        int at = indexOf(text, canary);
        if (!canary.isEmpty() && at >= 0) {
          out.add(at, at + canary.length(), "CANARY_TOKEN", 1.0,
              "canary token of system prompt '" + fp.promptId() + "'");
        }
      }
      if (fp.shingleHashes().length == 0) {
        continue;
      }
      if (words == null) {
        words = Words.of(text);
      }
      overlap(fp, words, out);
    }
  }

  private static boolean applies(PromptFingerprint fp, GuardRequest req) {
    return (req.appName() == null || fp.appName().equals(req.appName()))
        && (fp.tenant() == null || req.tenant() == null || fp.tenant().equals(req.tenant()));
  }

  private void overlap(PromptFingerprint fp, Words w, Hits out) {
    long[] prompt = fp.shingleHashes();
    int size = fp.shingleSize();
    if (prompt.length == 1) {
      // A short prompt (fewer words than a shingle) is one hash of all its words: look for any
      // run of 1..size words with that hash.
      for (int len = 1; len <= size; len++) {
        for (int i = 0; i + len <= w.count; i++) {
          if (w.hash(i, len) == prompt[0] && w.end[i + len - 1] - w.start[i] >= minShortChars) {
            out.add(w.start[i], w.end[i + len - 1], "SYSTEM_PROMPT", 0.95,
                "output repeats system prompt '" + fp.promptId() + "'");
            return;
          }
        }
      }
      return;
    }
    if (w.count < size) {
      return;
    }
    int shingles = w.count - size + 1;
    long[] hashes = w.shingles(size);
    int matched = 0;
    int runStart = -1;
    int bestRunWords = 0;
    int spanStart = -1;
    int spanEnd = -1;
    for (int i = 0; i <= shingles; i++) {
      boolean hit = i < shingles && Arrays.binarySearch(prompt, hashes[i]) >= 0;
      if (hit) {
        matched++;
        if (runStart < 0) {
          runStart = i;
        }
      } else if (runStart >= 0) {
        int runWords = i - 1 - runStart + size;
        if (runWords > bestRunWords) {
          bestRunWords = runWords;
        }
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
   * non-ASCII words), copied once into one char array so shingles hash in a tight loop.
   */
  static final class Words {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long FNV_PRIME_SQUARED = FNV_PRIME * FNV_PRIME;

    private final char[] chars;
    private final int[] from;
    private final int[] to;
    /** Span of each word in the original text. */
    final int[] start;
    final int[] end;
    final int count;

    private Words(char[] chars, int[] from, int[] to, int[] start, int[] end, int count) {
      this.chars = chars;
      this.from = from;
      this.to = to;
      this.start = start;
      this.end = end;
      this.count = count;
    }

    static Words of(CharSequence text) {
      int n = text.length();
      Builder b = new Builder(n);
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
      return new Words(b.chars, b.from, b.to, b.start, b.end, b.count);
    }

    /** Growable arrays behind {@link #of}. */
    private static final class Builder {
      char[] chars;
      int used;
      int[] from = new int[64];
      int[] to = new int[64];
      int[] start = new int[64];
      int[] end = new int[64];
      int count;

      Builder(int n) {
        chars = new char[n + 16];
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
     * {@link #hash(int, int)} computes them. Four neighbouring shingles are hashed together, each in
     * its own multiply chain, so the CPU overlaps them.
     */
    long[] shingles(int size) {
      int m = count - size + 1;
      long[] out = new long[Math.max(0, m)];
      int i = 0;
      for (; i + 4 <= m; i += 4) {
        long h0 = FNV_OFFSET;
        long h1 = FNV_OFFSET;
        long h2 = FNV_OFFSET;
        long h3 = FNV_OFFSET;
        for (int w = i; w < i + 3 + size; w++) {
          boolean a0 = w < i + size;
          boolean a1 = w >= i + 1 && w < i + 1 + size;
          boolean a2 = w >= i + 2 && w < i + 2 + size;
          boolean a3 = w >= i + 3;
          for (int k = from[w], e = to[w]; k < e; k++) {
            char ch = chars[k];
            if (ch < 256) {
              if (a0) {
                h0 = (h0 ^ ch) * FNV_PRIME_SQUARED;
              }
              if (a1) {
                h1 = (h1 ^ ch) * FNV_PRIME_SQUARED;
              }
              if (a2) {
                h2 = (h2 ^ ch) * FNV_PRIME_SQUARED;
              }
              if (a3) {
                h3 = (h3 ^ ch) * FNV_PRIME_SQUARED;
              }
            } else {
              long lo = ch & 0xff;
              long hi = ch >>> 8;
              if (a0) {
                h0 = ((h0 ^ lo) * FNV_PRIME ^ hi) * FNV_PRIME;
              }
              if (a1) {
                h1 = ((h1 ^ lo) * FNV_PRIME ^ hi) * FNV_PRIME;
              }
              if (a2) {
                h2 = ((h2 ^ lo) * FNV_PRIME ^ hi) * FNV_PRIME;
              }
              if (a3) {
                h3 = ((h3 ^ lo) * FNV_PRIME ^ hi) * FNV_PRIME;
              }
            }
          }
          if (a0) {
            h0 = (h0 ^ ' ') * FNV_PRIME;
          }
          if (a1) {
            h1 = (h1 ^ ' ') * FNV_PRIME;
          }
          if (a2) {
            h2 = (h2 ^ ' ') * FNV_PRIME;
          }
          if (a3) {
            h3 = (h3 ^ ' ') * FNV_PRIME;
          }
        }
        out[i] = h0;
        out[i + 1] = h1;
        out[i + 2] = h2;
        out[i + 3] = h3;
      }
      for (; i < m; i++) {
        out[i] = hash(i, size);
      }
      return out;
    }

    /** Same hash as PromptFingerprint.shingleHashes for words [i, i + len). */
    long hash(int i, int len) {
      long h = FNV_OFFSET;
      char[] c = chars;
      for (int j = i; j < i + len; j++) {
        for (int k = from[j], e = to[j]; k < e; k++) {
          char ch = c[k];
          if (ch < 256) {
            h = (h ^ ch) * FNV_PRIME_SQUARED; // (h ^ low) * P, then (h ^ 0) * P
          } else {
            h = (h ^ (ch & 0xff)) * FNV_PRIME;
            h = (h ^ (ch >>> 8)) * FNV_PRIME;
          }
        }
        h = (h ^ ' ') * FNV_PRIME;
      }
      return h;
    }
  }
}
