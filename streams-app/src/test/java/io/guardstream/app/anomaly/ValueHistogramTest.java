package io.guardstream.app.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValueHistogramTest {

  private static int total(BaselineState s) {
    int sum = 0;
    for (int i = 0; i < BaselineState.BINS; i++) {
      sum += s.count(0, i);
    }
    return sum;
  }

  @Test
  void countsValuesByBinAndKnowsNothingBeforeItsFirstValue() {
    BaselineState s = BaselineState.create(1);
    assertThat(ValueHistogram.seen(s, 0, 5)).isZero();

    // Bins of width 1 over [0, 32).
    ValueHistogram.add(s, 0, 5.2, 0, 32, 0);
    ValueHistogram.add(s, 0, 5.9, 0, 32, 0);
    ValueHistogram.add(s, 0, 7.0, 0, 32, 0);

    assertThat(ValueHistogram.seen(s, 0, 5.5)).isEqualTo(2);
    assertThat(ValueHistogram.seen(s, 0, 7.5)).isEqualTo(1);
    assertThat(ValueHistogram.seen(s, 0, 6.5)).isZero();
    assertThat(ValueHistogram.seen(s, 0, 40)).isZero();
    assertThat(ValueHistogram.seen(s, 0, -1)).isZero();
  }

  @Test
  void widensTowardsANewValueWithoutLosingCounts() {
    BaselineState s = BaselineState.create(1);
    for (int i = 0; i < 10; i++) {
      ValueHistogram.add(s, 0, 3.5, 0, 32, 0);
    }
    ValueHistogram.add(s, 0, 100, 0, 32, 0);
    ValueHistogram.add(s, 0, -250, 0, 32, 0);

    assertThat(total(s)).isEqualTo(12);
    assertThat(ValueHistogram.seen(s, 0, 3.5)).isEqualTo(10);
    assertThat(ValueHistogram.seen(s, 0, 100)).isEqualTo(1);
    assertThat(ValueHistogram.seen(s, 0, -250)).isEqualTo(1);
    assertThat((double) s.get(0, BaselineState.HIST_WIDTH)).isGreaterThan(1);
  }

  @Test
  void halvesOldCountsOnceItsMemoryIsFull() {
    BaselineState s = BaselineState.create(1);
    for (int i = 0; i < ValueHistogram.MEMORY; i++) {
      ValueHistogram.add(s, 0, 1.5, 0, 32, 0);
    }
    assertThat(ValueHistogram.seen(s, 0, 1.5)).isEqualTo(ValueHistogram.MEMORY);

    ValueHistogram.add(s, 0, 20.5, 0, 32, 0);

    assertThat(ValueHistogram.seen(s, 0, 1.5)).isEqualTo(ValueHistogram.MEMORY / 2);
    assertThat(ValueHistogram.seen(s, 0, 20.5)).isEqualTo(1);
  }

  @Test
  void aFlatWarmUpStillGetsBinsOfTheGivenMinimumWidth() {
    BaselineState s = BaselineState.create(1);
    ValueHistogram.add(s, 0, 0, 0, 0, 1);
    ValueHistogram.add(s, 0, 1, 0, 0, 1);

    assertThat(ValueHistogram.seen(s, 0, 0.5)).isEqualTo(1);
    assertThat(ValueHistogram.seen(s, 0, 1.5)).isEqualTo(1);
  }
}
