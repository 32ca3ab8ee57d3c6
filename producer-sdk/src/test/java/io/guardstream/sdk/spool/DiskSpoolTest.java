package io.guardstream.sdk.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guardstream.schema.AiEvent;
import io.guardstream.schema.AppInfo;
import io.guardstream.schema.EventKind;
import io.guardstream.schema.SystemPromptFingerprint;
import io.guardstream.sdk.pipeline.Outbound;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskSpoolTest {
  @TempDir Path dir;
  private final LongAdder dropped = new LongAdder();

  private DiskSpool open(long maxBytes, long segmentBytes) {
    return DiskSpool.open(dir, maxBytes, segmentBytes, Duration.ofSeconds(1), dropped);
  }

  private static Outbound event(long seq) {
    AiEvent e = AiEvent.newBuilder().setEventId("e-" + seq).setInteractionId("i").setKind(EventKind.PROMPT)
        .setEventTime(Instant.ofEpochMilli(1_700_000_000_000L + seq)).setTenant("acme").setUserId("alice")
        .setApp(new AppInfo("app", null, null)).setContent("text " + seq).setAttributes(Map.of("seq", "" + seq))
        .build();
    return new Outbound("ai.events", "acme:alice", e, seq);
  }

  private static List<String> drain(DiskSpool spool, boolean commit) {
    List<String> ids = new ArrayList<>();
    DiskSpool.Entry e;
    while ((e = spool.next()) != null) {
      ids.add(((AiEvent) e.record().value()).getEventId());
      if (commit) {
        spool.commit(e.endPosition());
      }
    }
    return ids;
  }

  @Test
  void readsBackInOrderWithTopicKeyAndValue() {
    try (DiskSpool spool = open(1 << 20, 4096)) {
      for (int i = 0; i < 100; i++) {
        assertThat(spool.append(event(i))).isTrue();
      }
      assertThat(spool.hasUnread()).isTrue();
      assertThat(spool.nextSeq()).isZero();
      DiskSpool.Entry first = spool.next();
      assertThat(first.record().topic()).isEqualTo("ai.events");
      assertThat(first.record().key()).isEqualTo("acme:alice");
      assertThat(first.record().value()).isEqualTo(event(0).value());
      assertThat(drain(spool, false)).hasSize(99).first().isEqualTo("e-1");
      assertThat(spool.hasUnread()).isFalse();
    }
    assertThat(dropped.sum()).isZero();
  }

  @Test
  void otherRecordTypesRoundTrip() {
    SystemPromptFingerprint fp = SystemPromptFingerprint.newBuilder().setAppName("app").setPromptId("main")
        .setShingleSize(5).setShingleHashes(List.of(1L, 2L)).setCanaries(List.of("gs-canary-1"))
        .setRegisteredAt(Instant.ofEpochMilli(5)).build();
    try (DiskSpool spool = open(1 << 20, 4096)) {
      spool.append(new Outbound("ai.system-prompts", "app:main", fp, 7));
      assertThat(spool.next().record().value()).isEqualTo(fp);
    }
  }

  @Test
  void uncommittedRecordsAreReplayedAfterReopenCommittedOnesAreNot() {
    try (DiskSpool spool = open(1 << 20, 2048)) {
      for (int i = 0; i < 50; i++) {
        spool.append(event(i));
      }
      for (int i = 0; i < 20; i++) {
        spool.commit(spool.next().endPosition());
      }
      for (int i = 0; i < 10; i++) {
        spool.next();
      }
    }
    try (DiskSpool spool = open(1 << 20, 2048)) {
      List<String> replayed = drain(spool, true);
      assertThat(replayed).hasSize(30).first().isEqualTo("e-20");
      assertThat(replayed).last().isEqualTo("e-49");
    }
    try (DiskSpool spool = open(1 << 20, 2048)) {
      assertThat(spool.hasUnread()).isFalse();
    }
  }

  @Test
  void recordsOfAnEarlierRunComeBackWithoutSequenceNumbers() {
    try (DiskSpool spool = open(1 << 20, 4096)) {
      spool.append(event(3));
    }
    try (DiskSpool spool = open(1 << 20, 4096)) {
      assertThat(spool.next().record().seq()).isEqualTo(-1);
      spool.append(event(4));
      assertThat(spool.next().record().seq()).isEqualTo(4);
    }
  }

  @Test
  void deliveredSegmentsAreDeleted() throws IOException {
    try (DiskSpool spool = open(1 << 20, 1024)) {
      for (int i = 0; i < 60; i++) {
        spool.append(event(i));
      }
      assertThat(segments()).hasSizeGreaterThan(3);
      drain(spool, true);
      assertThat(segments()).hasSize(1);
    }
  }

  @Test
  void pastTheBoundTheOldestSegmentIsDroppedAndCounted() {
    try (DiskSpool spool = open(64 * 1024, 12 * 1024)) {
      for (int i = 0; i < 2000; i++) {
        spool.append(event(i));
      }
      assertThat(spool.bytes()).isLessThanOrEqualTo(64 * 1024);
      List<String> left = drain(spool, true);
      assertThat(dropped.sum() + left.size()).isEqualTo(2000);
      assertThat(dropped.sum()).isPositive();
      assertThat(left).last().isEqualTo("e-1999");
      List<Integer> seqs = left.stream().map(id -> Integer.parseInt(id.substring(2))).toList();
      assertThat(seqs).isSorted();
      assertThat(seqs.get(seqs.size() - 1) - seqs.get(0)).isEqualTo(seqs.size() - 1);
    }
  }

  @Test
  void inFlightCopiesAreNotHandedOutAgainButSurviveUntilCommitted() {
    try (DiskSpool spool = open(1 << 20, 4096)) {
      long first = spool.appendInFlight(event(0));
      spool.appendInFlight(event(1));
      spool.append(event(2));
      assertThat(drain(spool, false)).containsExactly("e-2");
      spool.commit(first);
      assertThatThrownBy(() -> {
        spool.append(event(3));
        spool.appendInFlight(event(4));
      }).isInstanceOf(IllegalStateException.class);
    }
    try (DiskSpool spool = open(1 << 20, 4096)) {
      assertThat(drain(spool, false)).containsExactly("e-1", "e-2", "e-3");
    }
  }

  @Test
  void aTornRecordAtTheEndIsCutOff() throws IOException {
    try (DiskSpool spool = open(1 << 20, 1 << 16)) {
      for (int i = 0; i < 5; i++) {
        spool.append(event(i));
      }
    }
    Path last = segments().get(segments().size() - 1);
    long size = Files.size(last);
    try (var ch = java.nio.channels.FileChannel.open(last, StandardOpenOption.WRITE)) {
      ch.truncate(size - 7);
    }
    try (DiskSpool spool = open(1 << 20, 1 << 16)) {
      assertThat(drain(spool, false)).containsExactly("e-0", "e-1", "e-2", "e-3");
      spool.append(event(9));
      assertThat(drain(spool, false)).containsExactly("e-9");
    }
  }

  @Test
  void aCorruptRecordIsSkippedAndCounted() throws IOException {
    // Segments smaller than one record: each record gets its own segment.
    try (DiskSpool spool = open(1 << 20, 1024)) {
      for (int i = 0; i < 4; i++) {
        spool.append(event(i));
      }
    }
    Path second = segments().get(1);
    byte[] bytes = Files.readAllBytes(second);
    bytes[bytes.length - 3] ^= 0x55;
    Files.write(second, bytes);
    try (DiskSpool spool = open(1 << 20, 1024)) {
      assertThat(drain(spool, false)).containsExactly("e-0", "e-2", "e-3");
    }
    assertThat(dropped.sum()).isEqualTo(1);
  }

  @Test
  void oneDirectoryServesOneClientAtATime() {
    try (DiskSpool spool = open(1 << 20, 4096)) {
      assertThatThrownBy(() -> open(1 << 20, 4096)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("in use");
    }
    open(1 << 20, 4096).close();
  }

  private List<Path> segments() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".seg")).sorted().toList();
    }
  }
}
