package io.guardstream.guard.detect;

import io.guardstream.guard.classify.PromptAttackClassifier;
import io.guardstream.guard.text.TextNormalizer;
import java.nio.CharBuffer;
import java.nio.file.Path;

/**
 * Type {@code classifier}: the machine-learned prompt-attack score, reported (without a span) as
 * the hit's confidence on every scan; the engine combines it with the rule hits.
 *
 * <p>The model's probability is first calibrated so that the model's own threshold maps to 0.5,
 * then rescaled so that the classifier <em>alone</em> reaches the engine's 0.5 only at calibrated
 * score {@code alone_at} (default 0.89). Leave-one-source-out runs of the whole engine showed the
 * model flags benign styles it never saw (second-person advice, role-play narration, code) far
 * more often than the rules do, so on its own it must be sure; between its threshold and
 * {@code alone_at} it still adds to rule evidence. Parameters: {@code model} (path of a trained
 * model; default the shipped one), {@code alone_at} in (0, 1).
 */
public final class ClassifierDetector implements Detector {
  /** Calibrated score at which the classifier alone decides (chosen by leave-one-source-out). */
  static final double DEFAULT_ALONE_AT = 0.89;

  /** Buffers of the folded text the model reads. */
  private static final SlotPool<char[]> FOLD_BUFFERS = new SlotPool<>(() -> new char[1024]);

  private final PromptAttackClassifier model;
  private final double aloneAt;

  ClassifierDetector(PromptAttackClassifier model, double aloneAt) {
    this.model = model;
    this.aloneAt = aloneAt;
  }

  /** The {@code classifier} detector type. */
  public static final class Type implements DetectorType {
    @Override
    public String name() {
      return "classifier";
    }

    @Override
    public Detector compile(Params p) {
      String path = p.string("model", null, false);
      double aloneAt = p.number("alone_at", DEFAULT_ALONE_AT, 0.01, 0.99);
      p.rejectUnknown();
      try {
        return new ClassifierDetector(path == null
            ? PromptAttackClassifier.loadDefault()
            : PromptAttackClassifier.load(Path.of(path)), aloneAt);
      } catch (RuntimeException | LinkageError e) {
        // LinkageError: the shipped model failed to load when its holder class initialised.
        p.error("model", "cannot load prompt-attack model: " + e);
        return null;
      }
    }
  }

  @Override
  public View view() {
    return View.RAW;
  }

  @Override
  public void detect(ScanContext ctx, Hits out) {
    // The model reads text shaped like its training data: folded but with punctuation kept.
    CharBuffer folded =
        TextNormalizer.foldedView(ctx.text(), ctx.text().length(), FOLD_BUFFERS.borrow());
    double p;
    try {
      p = model.score(folded.array(), folded.length());
    } finally {
      FOLD_BUFFERS.giveBack(folded.array()); // grown, if the text needed more room
    }
    out.add(-1, -1, null, contribution(p, model.threshold(), aloneAt),
        "prompt-attack model score");
  }

  /**
   * The classifier's confidence for the engine: the model's probability {@code p} with the
   * model's threshold mapped to 0.5, then with {@code aloneAt} mapped to 0.5.
   */
  static double contribution(double p, double threshold, double aloneAt) {
    return calibrate(calibrate(p, threshold), aloneAt);
  }

  /** Maps a score in [0, 1] piecewise linearly so that {@code threshold} becomes 0.5. */
  static double calibrate(double p, double threshold) {
    if (threshold <= 0 || threshold >= 1) {
      return p;
    }
    return p < threshold ? 0.5 * p / threshold : 0.5 + 0.5 * (p - threshold) / (1 - threshold);
  }
}
