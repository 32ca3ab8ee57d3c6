package io.guardstream.app.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.guardstream.app.topology.GuardTopology;
import io.guardstream.app.topology.TopologySettings;
import io.guardstream.guard.Severity;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateCodecTest {
  private final ActivityTracker tracker = GuardTopology.tracker(new TopologySettings("default", 1000, Severity.HIGH,
      Duration.ofMinutes(10), List.of(Duration.ofMinutes(1), Duration.ofMinutes(15)), Duration.ofSeconds(30), 80, 50, 7,
      19, ZoneOffset.UTC, "test"));
  private final long t0 = 1_800_000_000_000L;

  private EventFacts prompt(long at) {
    return new EventFacts(at, true, true, 300, 80, 40, List.of("prompt_attack"), true, "s1", "10.0.0.1", "search", "gpt-4o");
  }

  @Test
  void stateSurvivesItsBytes() {
    OpenWindows windows = tracker.newWindows();
    UserBaselines baselines = tracker.newBaselines();
    for (int m = 0; m < 30; m++) {
      tracker.add(windows, prompt(t0 + m * 60_000L), Long.MIN_VALUE);
      tracker.close(windows, baselines, 0, t0 + m * 60_000L, tracker.scorer().newState());
    }
    tracker.add(windows, prompt(t0 + 30 * 60_000L), Long.MIN_VALUE);

    OpenWindows w2 = tracker.decodeWindows(windows.toBytes());
    UserBaselines b2 = tracker.decodeBaselines(baselines.toBytes());
    assertThat(w2.toBytes()).isEqualTo(windows.toBytes());
    assertThat(b2.toBytes()).isEqualTo(baselines.toBytes());
    assertThat(b2.window(0).recent()).hasSize(UserBaselines.RECENT);
    // The decoded copy closes the open window exactly like the original.
    var a = tracker.close(windows, baselines, 0, t0 + 30 * 60_000L, tracker.scorer().newState());
    var b = tracker.close(w2, b2, 0, t0 + 30 * 60_000L, tracker.scorer().newState());
    assertThat(b.score()).isEqualTo(a.score());
    assertThat(b.features()).containsExactly(a.features());
  }

  @Test
  void unreadableOrForeignStateStartsOverInsteadOfStoppingTheStream() {
    byte[] garbage = {1, 2, 9, 9, 9};
    assertThat(tracker.decodeWindows(garbage).toBytes()).isEqualTo(tracker.newWindows().toBytes());
    assertThat(tracker.decodeBaselines(garbage).toBytes()).isEqualTo(tracker.newBaselines().toBytes());

    ActivityTracker oneWindow = GuardTopology.tracker(new TopologySettings("default", 1000, Severity.HIGH,
        Duration.ofMinutes(10), List.of(Duration.ofMinutes(5)), Duration.ofSeconds(30), 80, 50, 7, 19, ZoneOffset.UTC, "test"));
    byte[] twoWindows = tracker.newBaselines().toBytes();
    assertThat(oneWindow.decodeBaselines(twoWindows).windowCount()).as("window sizes changed: fresh baselines").isEqualTo(1);
  }
}
