package io.guardstream.guard.classify;

import java.util.Arrays;

/** Threshold and ranking metrics over attack and benign score samples. */
final class ScoreMetrics {

  private ScoreMetrics() {}

  /**
   * Lowest threshold at which at most {@code targetFpr} of the benign scores are flagged (a text is
   * flagged when its score is at or above the threshold).
   */
  static double thresholdAtFpr(double[] benign, double targetFpr) {
    if (benign.length == 0) {
      throw new IllegalArgumentException("no benign scores to choose a threshold from");
    }
    double[] sorted = benign.clone();
    Arrays.sort(sorted);
    int allowed = (int) Math.floor(targetFpr * sorted.length);
    // The (allowed + 1)-th highest benign score must stay below the threshold.
    double limit = sorted[sorted.length - 1 - allowed];
    return Math.min(1.0, Math.nextUp(limit));
  }

  /** Fraction of {@code scores} at or above {@code threshold}. */
  static double flaggedFraction(double[] scores, double threshold) {
    if (scores.length == 0) {
      return Double.NaN;
    }
    int n = 0;
    for (double s : scores) {
      if (s >= threshold) {
        n++;
      }
    }
    return (double) n / scores.length;
  }

  /** Area under the ROC curve: probability an attack outscores a benign text (ties count half). */
  static double auc(double[] attack, double[] benign) {
    if (attack.length == 0 || benign.length == 0) {
      return Double.NaN;
    }
    double[] a = attack.clone();
    double[] b = benign.clone();
    Arrays.sort(a);
    Arrays.sort(b);
    double wins = 0;
    int lo = 0;
    int hi = 0;
    for (double s : a) {
      while (lo < b.length && b[lo] < s) {
        lo++;
      }
      hi = Math.max(hi, lo);
      while (hi < b.length && b[hi] <= s) {
        hi++;
      }
      wins += lo + 0.5 * (hi - lo);
    }
    return wins / ((double) a.length * b.length);
  }
}
