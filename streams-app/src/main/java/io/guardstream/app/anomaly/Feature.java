package io.guardstream.app.anomaly;

import java.util.Objects;

/**
 * One scored feature of a window.
 *
 * @param name stable name used in explanations, e.g. {@code findings.prompt_attack}
 * @param minScale smallest deviation treated as one unit of noise; keeps a feature that has always
 *     been constant (zero findings, say) from calling every change infinitely surprising. Counts
 *     use 1; a share in [0, 1] something like 0.1; 0 means "no absolute floor"
 * @param direction which deviations count as anomalous
 */
public record Feature(String name, double minScale, Direction direction) {

  /** Which side of the baseline is suspicious. */
  public enum Direction {
    /** Only values above the baseline (more requests, more findings). */
    UP,
    /** Values above or below the baseline (generic metrics). */
    BOTH
  }

  public Feature {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(direction, "direction");
    if (name.isBlank()) {
      throw new IllegalArgumentException("feature name is blank");
    }
    if (!(minScale >= 0) || Double.isInfinite(minScale)) {
      throw new IllegalArgumentException("minScale must be finite and >= 0: " + minScale);
    }
  }

  /** A count per window (requests, findings, distinct sessions): floor 1, only increases count. */
  public static Feature count(String name) {
    return new Feature(name, 1.0, Direction.UP);
  }

  /** A share in [0, 1] (off-hours share, blocked share): floor 0.1, only increases count. */
  public static Feature share(String name) {
    return new Feature(name, 0.1, Direction.UP);
  }

  /** A metric in unknown units where both directions matter (the univariate score-series case). */
  public static Feature metric(String name) {
    return new Feature(name, 0.0, Direction.BOTH);
  }
}
