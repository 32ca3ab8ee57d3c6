package io.guardstream.guard.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ScoreMetricsTest {

  @Test
  void thresholdFlagsAtMostTheTargetShareOfBenignScores() {
    double[] benign = new double[200];
    for (int i = 0; i < benign.length; i++) {
      benign[i] = i / 200.0;
    }
    double t = ScoreMetrics.thresholdAtFpr(benign, 0.01);
    assertThat(ScoreMetrics.flaggedFraction(benign, t)).isEqualTo(0.01);
    assertThat(t).isGreaterThan(197 / 200.0).isLessThanOrEqualTo(198 / 200.0);
  }

  @Test
  void thresholdAboveEveryScoreWhenNoFalsePositiveIsAllowed() {
    double[] benign = {0.1, 0.2, 0.3};
    double t = ScoreMetrics.thresholdAtFpr(benign, 0.01);
    assertThat(ScoreMetrics.flaggedFraction(benign, t)).isZero();
    assertThat(ScoreMetrics.flaggedFraction(new double[] {0.3}, t)).isZero();
  }

  @Test
  void aucCountsPairsAndTies() {
    assertThat(ScoreMetrics.auc(new double[] {0.9, 0.8}, new double[] {0.1, 0.2})).isEqualTo(1.0);
    assertThat(ScoreMetrics.auc(new double[] {0.1}, new double[] {0.9})).isEqualTo(0.0);
    assertThat(ScoreMetrics.auc(new double[] {0.5}, new double[] {0.5})).isEqualTo(0.5);
    assertThat(ScoreMetrics.auc(new double[] {0.5, 0.9}, new double[] {0.5, 0.1}))
        .isCloseTo(0.875, within(1e-12));
  }
}
