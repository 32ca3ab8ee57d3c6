package io.guardstream.app.anomaly;

/**
 * Parameters of {@link AnomalyScorer}. Few on purpose; the defaults were chosen once by
 * cross-validating across the NAB categories (see {@code benchmarks/nab/README.md}), not per series.
 *
 * @param alpha learning rate of the baseline per window: its memory is about {@code 1/alpha}
 *     windows. The memory of past peak surprises ({@code 1/alpha}) and of the value range ({@code
 *     300/alpha}) follow from it
 * @param driftAlpha learning rate of the short-term average of deviations that catches sustained
 *     moderate shifts (memory about {@code 1/driftAlpha} windows)
 * @param clip residuals beyond {@code clip} noise scales are clipped before they update the
 *     baseline, so an anomalous window moves it by a bounded step and a sustained anomaly is
 *     absorbed gradually rather than becoming the baseline at once
 * @param warmupWindows windows a baseline needs before it is trusted; until then an entity is
 *     scored against the cohort baseline
 * @param halfScoreSurprise surprise ({@code -log10} of the probability of the deviation) that maps
 *     to score 50; the score is {@code 100 s / (s + halfScoreSurprise)}
 */
public record ScorerConfig(
    double alpha, double driftAlpha, double clip, int warmupWindows, double halfScoreSurprise) {

  public ScorerConfig {
    requireRate("alpha", alpha);
    requireRate("driftAlpha", driftAlpha);
    if (!(clip > 0) || Double.isInfinite(clip)) {
      throw new IllegalArgumentException("clip must be > 0: " + clip);
    }
    if (warmupWindows < 2) {
      throw new IllegalArgumentException("warmupWindows must be >= 2: " + warmupWindows);
    }
    if (!(halfScoreSurprise > 0) || Double.isInfinite(halfScoreSurprise)) {
      throw new IllegalArgumentException("halfScoreSurprise must be > 0: " + halfScoreSurprise);
    }
  }

  private static void requireRate(String name, double rate) {
    if (!(rate > 0 && rate < 1)) {
      throw new IllegalArgumentException(name + " must be in (0, 1): " + rate);
    }
  }

  /** The tuned defaults, used by the topology and by {@code score-series}. */
  public static ScorerConfig defaults() {
    return new ScorerConfig(0.0085, 0.2, 4.0, 20, 6.0);
  }
}
