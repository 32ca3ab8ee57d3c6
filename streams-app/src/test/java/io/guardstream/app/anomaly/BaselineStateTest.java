package io.guardstream.app.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class BaselineStateTest {

  /** Bytes in the first format: 34 floats per feature, the last 24 the hour-of-day offsets. */
  private static byte[] versionOne(int features, long updates) {
    ByteBuffer b = ByteBuffer.allocate(11 + features * 34 * 4);
    b.put((byte) 1).putShort((short) features).putLong(updates);
    for (int j = 0; j < features; j++) {
      float[] stats = {10 + j, 2, 0.1f, 0.5f, 0.5f, 1, 20, 0, 1.5f, 10 + j};
      for (float v : stats) {
        b.putFloat(v);
      }
      for (int h = 0; h < 24; h++) {
        b.putFloat((h - 11.5f) / 10);
      }
    }
    return b.array();
  }

  @Test
  void readsAStateWrittenInTheFirstFormat() {
    BaselineState state = BaselineState.fromBytes(versionOne(2, 500));

    assertThat(state.features()).isEqualTo(2);
    assertThat(state.updates()).isEqualTo(500);
    assertThat(state.expected(1)).isEqualTo(11.0);
    assertThat((double) state.get(1, BaselineState.SEASON_LEVEL)).isEqualTo(11.0);
    assertThat(state.season(0, 3)).isCloseTo(-0.85, within(1e-4));
    assertThat(state.season(1, 23)).isCloseTo(1.15, within(1e-4));

    AnomalyScorer scorer = new AnomalyScorer(
        FeatureSpec.of(Feature.metric("a"), Feature.metric("b")), ScorerConfig.defaults());
    assertThat(scorer.score(state, 0, new double[] {10, 11}).score()).isLessThan(20);
    assertThat(scorer.score(state, 0, new double[] {60, 11}).score()).isGreaterThan(50);
    scorer.update(state, 0, new double[] {10, 11});
    byte[] current = state.toBytes();
    assertThat(current[0]).isEqualTo(BaselineState.FORMAT_VERSION);
    assertThat(BaselineState.fromBytes(current)).isEqualTo(state);
  }

  @Test
  void profileOffsetsKeepTheirPrecisionAsTheirMagnitudeGrows() {
    BaselineState state = BaselineState.create(1);
    state.setSeason(0, 0, 0.125);
    state.setSeason(0, 1, -3.7);
    assertThat(state.season(0, 0)).isCloseTo(0.125, within(1e-5));
    assertThat(state.season(0, 1)).isCloseTo(-3.7, within(1e-4));
    assertThat(state.season(0, 2)).isZero();

    // Thousands of times larger: the step doubles and the small offsets are re-rounded to it.
    state.setSeason(0, 2, 2.5e4);
    assertThat(state.season(0, 2)).isCloseTo(2.5e4, within(1.0));
    assertThat(state.season(0, 1)).isCloseTo(-3.7, within(1.0));
    assertThat(BaselineState.fromBytes(state.toBytes())).isEqualTo(state);
  }
}
