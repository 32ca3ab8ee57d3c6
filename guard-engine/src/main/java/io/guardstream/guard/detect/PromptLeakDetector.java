package io.guardstream.guard.detect;

import io.guardstream.guard.GuardRequest;
import io.guardstream.guard.PromptFingerprint;
import java.util.Arrays;

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
    OutputWords words = null;
    try {
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
          if (words == null) {
            words = OutputWords.POOL.borrow().of(text);
          }
          CanaryScanner.Match m = CanaryScanner.find(words, text, canary);
          if (m != null) {
            out.add(m.start(), m.end(), "CANARY_TOKEN", 0.95,
                "canary token of system prompt '" + fp.promptId() + "', " + m.how());
          }
        }
        if (fp.shingleHashes().length == 0 && fp.secretHashes().length == 0) {
          continue;
        }
        if (words == null) {
          words = OutputWords.POOL.borrow().of(text);
        }
        if (fp.shingleHashes().length > 0) {
          overlap(fp, words, text, out);
        }
        secrets(fp, words, text, out);
      }
    } finally {
      if (words != null) {
        OutputWords.POOL.giveBack(words);
      }
    }
  }

  /** The length of a short prompt is not kept: every run of words is a candidate. */
  private static final int[] ANY_LENGTH = new int[0];

  /** A secret value the prompt states, given away on its own (it may share no shingle). */
  private void secrets(PromptFingerprint fp, OutputWords w, CharSequence text, Hits out) {
    for (long secret : fp.secretHashes()) {
      ShortPromptScanner.Match m =
          ShortPromptScanner.find(w, text, secret, fp.shingleSize(), minShortChars,
              fp.secretLengths());
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

  private void overlap(PromptFingerprint fp, OutputWords w, CharSequence text, Hits out) {
    long[] prompt = fp.shingleHashes();
    int size = fp.shingleSize();
    if (prompt.length == 1) {
      // A short prompt (fewer words than a shingle) is one hash of all its words.
      ShortPromptScanner.Match m =
          ShortPromptScanner.find(w, text, prompt[0], size, minShortChars, ANY_LENGTH);
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
      boolean hit = i < shingles && OutputWords.mayContain(filter, hashes[i])
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
}
