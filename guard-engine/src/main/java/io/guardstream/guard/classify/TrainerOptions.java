package io.guardstream.guard.classify;

/**
 * Settings of {@link Trainer}. The feature and window settings are stored in the model file, so
 * scoring always uses the ones the model was trained with.
 *
 * @param version model id written into the model and its verdicts
 * @param bits log2 of the number of hash buckets (weights)
 * @param charMin shortest character n-gram
 * @param charMax longest character n-gram
 * @param wordMax longest word n-gram (0 for none)
 * @param windowChars longest text scored as one window
 * @param maxScanChars most characters read from one text
 * @param l2 L2 regularisation strength (larger generalises more, fits less)
 * @param negativeL2Factor multiplies {@code l2} for negative weights; above 1 the model learns
 *     mostly what marks an attack rather than what marks the benign sources it saw, so a kind of
 *     benign text absent from training falls back to a low score instead of an uncertain one
 * @param sourcePower how strongly sources are balanced within a class: each text's weight is
 *     proportional to {@code sourceSize^-sourcePower} (0: every text counts the same; 1: every
 *     source counts the same); classes always carry equal total weight
 * @param maxIterations L-BFGS iteration limit
 * @param folds cross-validation folds, used both for the reported metrics and the threshold
 * @param innerFolds folds used to pick the threshold inside each leave-one-source-out round
 * @param targetFpr false-positive rate the threshold is chosen for
 * @param seed seed of the fold assignment
 */
public record TrainerOptions(
    String version,
    int bits,
    int charMin,
    int charMax,
    int wordMax,
    int windowChars,
    int maxScanChars,
    double l2,
    double negativeL2Factor,
    double sourcePower,
    int maxIterations,
    int folds,
    int innerFolds,
    double targetFpr,
    long seed) {

  public TrainerOptions {
    if (version == null || version.isBlank()) {
      throw new IllegalArgumentException("version must not be blank");
    }
    new FeatureHasher(bits, charMin, charMax, wordMax); // validates the feature settings
    if (windowChars < 16 || maxScanChars < windowChars) {
      throw new IllegalArgumentException("need 16 <= windowChars <= maxScanChars");
    }
    if (!(l2 > 0)) {
      throw new IllegalArgumentException("l2 must be positive: " + l2);
    }
    if (!(negativeL2Factor >= 1)) {
      throw new IllegalArgumentException("negativeL2Factor must be >= 1: " + negativeL2Factor);
    }
    if (!(sourcePower >= 0 && sourcePower <= 1)) {
      throw new IllegalArgumentException("sourcePower must be in [0, 1]: " + sourcePower);
    }
    if (maxIterations < 1 || folds < 2 || innerFolds < 2) {
      throw new IllegalArgumentException("need maxIterations >= 1, folds >= 2, innerFolds >= 2");
    }
    if (!(targetFpr > 0 && targetFpr < 1)) {
      throw new IllegalArgumentException("targetFpr must be in (0, 1): " + targetFpr);
    }
  }

  /** The settings the shipped model was trained with, under the given model id. */
  public static TrainerOptions defaults(String version) {
    return new TrainerOptions(
        version, 18, 3, 5, 2, 2048, 65536, 1e-5, 30, 1.0, 300, 5, 3, 0.01, 13);
  }
}
