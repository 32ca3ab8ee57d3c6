package io.guardstream.app.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TailTest {

  @Test
  void matchesKnownNormalTailProbabilities() {
    assertThat(Tail.twoSidedSurprise(0)).isEqualTo(0.0, within(1e-6));
    assertThat(Tail.twoSidedSurprise(1.959964)).isEqualTo(-Math.log10(0.05), within(1e-5));
    assertThat(Tail.twoSidedSurprise(-3.290527)).isEqualTo(-Math.log10(0.001), within(1e-5));
    assertThat(Tail.upperSurprise(2.326348)).isEqualTo(-Math.log10(0.01), within(1e-5));
    assertThat(Tail.upperSurprise(-4)).isZero();
  }

  @Test
  void staysFiniteAndGrowingFarOutInTheTail() {
    double at10 = Tail.twoSidedSurprise(10);
    assertThat(at10).isBetween(22.0, 24.0);
    double far = Tail.twoSidedSurprise(1e6);
    assertThat(far).isFinite().isGreaterThan(at10);
  }
}
