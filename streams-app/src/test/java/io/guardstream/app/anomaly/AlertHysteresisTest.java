package io.guardstream.app.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guardstream.app.anomaly.AlertHysteresis.Transition;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertHysteresisTest {

  private final AlertHysteresis hysteresis = new AlertHysteresis(60, 30, 3);

  private List<Transition> run(HysteresisState state, double... scores) {
    List<Transition> out = new ArrayList<>();
    for (double s : scores) {
      out.add(hysteresis.step(state, s));
    }
    return out;
  }

  @Test
  void aSustainedAnomalyIsOneAlertAndANewOneAfterRecoveryIsAnother() {
    HysteresisState state = new HysteresisState();
    List<Transition> t = run(state,
        10, 70, 90, 65, 40, 80, 20, 10, 5, 0, 75, 10);

    assertThat(t).containsExactly(
        Transition.NONE,
        Transition.OPENED,
        Transition.ONGOING, Transition.ONGOING, Transition.ONGOING, Transition.ONGOING,
        Transition.ONGOING, Transition.ONGOING,
        Transition.CLOSED,
        Transition.NONE,
        Transition.OPENED,
        Transition.ONGOING);
    assertThat(t.stream().filter(x -> x == Transition.OPENED)).hasSize(2);
  }

  @Test
  void aShortDipDoesNotCloseTheAlert() {
    HysteresisState state = new HysteresisState();
    List<Transition> t = run(state, 70, 10, 10, 50, 10, 10);
    assertThat(t).doesNotContain(Transition.CLOSED);
    assertThat(state.isOpen()).isTrue();
    assertThat(state.windows()).isEqualTo(6);
    assertThat(state.peakScore()).isEqualTo(70.0);
  }

  @Test
  void stateRoundTripsThroughBytesMidAlert() {
    HysteresisState state = new HysteresisState();
    run(state, 70, 95, 10);
    byte[] bytes = state.toBytes();
    HysteresisState restored = HysteresisState.fromBytes(bytes);

    assertThat(restored).isEqualTo(state);
    assertThat(run(restored, 10, 10)).containsExactly(Transition.ONGOING, Transition.CLOSED);
    assertThat(run(state, 10, 10)).containsExactly(Transition.ONGOING, Transition.CLOSED);
  }

  @Test
  void rejectsInconsistentSettingsAndBytes() {
    assertThatThrownBy(() -> new AlertHysteresis(30, 60, 3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AlertHysteresis(60, 30, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HysteresisState.fromBytes(new byte[3])).isInstanceOf(IllegalArgumentException.class);
  }
}
