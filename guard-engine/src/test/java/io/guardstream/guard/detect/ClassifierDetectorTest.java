package io.guardstream.guard.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** How the model's probability becomes the classifier's share of the prompt_attack score. */
class ClassifierDetectorTest {

  private static final double THRESHOLD = 0.4;

  @Test
  void theModelThresholdMapsToOneHalfAndTheEndsStayPut() {
    assertThat(ClassifierDetector.calibrate(THRESHOLD, THRESHOLD)).isEqualTo(0.5);
    assertThat(ClassifierDetector.calibrate(0, THRESHOLD)).isZero();
    assertThat(ClassifierDetector.calibrate(1, THRESHOLD)).isEqualTo(1.0);
    assertThat(ClassifierDetector.calibrate(0.2, THRESHOLD)).isCloseTo(0.25, within(1e-12));
    assertThat(ClassifierDetector.calibrate(0.7, THRESHOLD)).isCloseTo(0.75, within(1e-12));
  }

  @Test
  void aloneTheModelDecidesOnlyWellPastItsThreshold() {
    double aloneAt = ClassifierDetector.DEFAULT_ALONE_AT;
    // At its own threshold the model is below the engine's 0.5 ...
    assertThat(ClassifierDetector.contribution(THRESHOLD, THRESHOLD, aloneAt)).isLessThan(0.5);
    // ... and reaches it where the calibrated score is alone_at.
    double pAlone = THRESHOLD + (2 * aloneAt - 1) * (1 - THRESHOLD);
    assertThat(ClassifierDetector.contribution(pAlone, THRESHOLD, aloneAt))
        .isCloseTo(0.5, within(1e-12));
    assertThat(ClassifierDetector.contribution(pAlone - 0.01, THRESHOLD, aloneAt))
        .isLessThan(0.5);
    // Monotone, so a higher model score never lowers the engine score.
    double previous = -1;
    for (int i = 0; i <= 100; i++) {
      double c = ClassifierDetector.contribution(i / 100.0, THRESHOLD, aloneAt);
      assertThat(c).isGreaterThanOrEqualTo(previous).isBetween(0.0, 1.0);
      previous = c;
    }
  }
}
