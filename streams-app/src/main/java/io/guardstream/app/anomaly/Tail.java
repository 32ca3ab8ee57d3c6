package io.guardstream.app.anomaly;

/** Tail probabilities of the standard normal distribution, in log10 so that extreme deviations stay finite. */
final class Tail {

  private static final double LN10 = Math.log(10.0);

  private Tail() {}

  /**
   * {@code -log10 P(|Z| >= |z|)} for a standard normal Z: 0 for z = 0, about 2.6 at 3, 23 at 10.
   * Uses the Chebyshev fit of erfc with fractional error below 1.2e-7, evaluated in log space.
   */
  static double twoSidedSurprise(double z) {
    double x = Math.abs(z) / Math.sqrt(2.0);
    double t = 1.0 / (1.0 + 0.5 * x);
    double poly = -x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
        + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
        + t * (-0.82215223 + t * 0.17087277))))))));
    double lnErfc = Math.log(t) + poly;
    return Math.max(0.0, -lnErfc / LN10);
  }

  /** {@code -log10 P(Z >= z)}: the one-sided tail, 0 for z at or below 0. */
  static double upperSurprise(double z) {
    if (z <= 0) {
      return 0.0;
    }
    return twoSidedSurprise(z) + Math.log10(2.0);
  }
}
