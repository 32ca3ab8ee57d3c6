package io.guardstream.app.anomaly;

import java.util.List;
import java.util.Objects;

/**
 * The score of one window against a baseline.
 *
 * @param score 0 (ordinary) to 100 (extremely unusual)
 * @param baseline which baseline the window was compared with
 * @param contributions one entry per feature, in {@link FeatureSpec} order
 * @param explanation the features that drove the score, e.g. {@code findings.prompt_attack 14 vs
 *     baseline 0.3}; never holds content, only feature names and numbers
 */
public record AnomalyScore(
    double score, BaselineKind baseline, List<FeatureContribution> contributions, String explanation) {

  /** Which baseline a window was scored against. */
  public enum BaselineKind {
    /** The entity's own history. */
    USER,
    /** The cohort (tenant) baseline, while the entity's own is warming up. */
    COHORT,
    /** No baseline was ready; the score is 0. */
    NONE
  }

  public AnomalyScore {
    Objects.requireNonNull(baseline, "baseline");
    contributions = List.copyOf(contributions);
    Objects.requireNonNull(explanation, "explanation");
  }

  /** The score as a fraction in [0, 1], as {@code score-series} writes it. */
  public double fraction() {
    return score / 100.0;
  }
}
