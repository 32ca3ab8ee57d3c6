package io.guardstream.sdk.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.guardstream.guard.Kind;
import io.guardstream.sdk.metrics.SdkCounters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventBufferTest {
  private final SdkCounters counters = new SdkCounters();

  private static CapturedEvent event(String content) {
    return new CapturedEvent(Kind.PROMPT, "i", null, null, 0, "t", "u", List.of(), null, null, null, null, content,
        null, null, null, null, null, null, List.of(), Map.of());
  }

  @Test
  void dropsTheOldestPastTheEventBound() {
    EventBuffer buffer = new EventBuffer(3, Long.MAX_VALUE, counters, new Wakeup());
    for (int i = 0; i < 5; i++) {
      buffer.offer(event("e" + i));
    }
    assertThat(buffer.size()).isEqualTo(3);
    assertThat(counters.dropped.sum()).isEqualTo(2);
    List<String> left = new ArrayList<>();
    CapturedEvent e;
    while ((e = buffer.poll()) != null) {
      left.add(e.content);
    }
    assertThat(left).containsExactly("e2", "e3", "e4");
    assertThat(buffer.bytes()).isZero();
  }

  @Test
  void dropsTheOldestPastTheByteBound() {
    int one = event("x".repeat(100)).estimatedBytes();
    EventBuffer buffer = new EventBuffer(1000, 2L * one, counters, new Wakeup());
    for (int i = 0; i < 4; i++) {
      buffer.offer(event("x".repeat(100)));
    }
    assertThat(buffer.size()).isEqualTo(2);
    assertThat(buffer.bytes()).isEqualTo(2L * one);
    assertThat(counters.dropped.sum()).isEqualTo(2);
  }

  @Test
  void sequenceNumbersFollowRecordingOrder() {
    EventBuffer buffer = new EventBuffer(10, Long.MAX_VALUE, counters, new Wakeup());
    assertThat(buffer.lastSeq()).isEqualTo(-1);
    buffer.offer(event("a"));
    long registration = buffer.nextSeq();
    buffer.offer(event("b"));
    assertThat(buffer.oldestSeq()).isZero();
    assertThat(registration).isEqualTo(1);
    assertThat(buffer.lastSeq()).isEqualTo(2);
    buffer.poll();
    assertThat(buffer.oldestSeq()).isEqualTo(2);
    buffer.poll();
    assertThat(buffer.oldestSeq()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void halfFullTriggersOnEitherBound() {
    EventBuffer buffer = new EventBuffer(4, Long.MAX_VALUE, counters, new Wakeup());
    buffer.offer(event("a"));
    assertThat(buffer.halfFull()).isFalse();
    buffer.offer(event("b"));
    assertThat(buffer.halfFull()).isTrue();
  }
}
