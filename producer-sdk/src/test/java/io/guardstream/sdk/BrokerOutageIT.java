package io.guardstream.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import io.guardstream.embedded.EmbeddedKafka;
import io.guardstream.embedded.Ports;
import io.guardstream.schema.AiEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker that goes away and comes back (same port, same data): recording stays non-throwing and
 * bounded, DROP_OLDEST counts what it drops, SPOOL loses nothing and keeps the order.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class BrokerOutageIT {
  @TempDir Path dir;
  private int port;
  private int controllerPort;
  private EmbeddedKafka kafka;

  @BeforeEach
  void startBroker() {
    port = Ports.freePort();
    controllerPort = Ports.freePort();
    kafka = EmbeddedKafka.start(dir.resolve("kafka"), port, controllerPort, Map.of());
  }

  @AfterEach
  void stopBroker() {
    if (kafka != null) {
      kafka.close();
    }
  }

  private void restartBroker() {
    kafka = EmbeddedKafka.start(dir.resolve("kafka"), port, controllerPort, Map.of());
  }

  private void stopBrokerNow() {
    kafka.close();
    kafka = null;
  }

  @Test
  void dropOldestKeepsMemoryBoundedAndCountsDrops() throws Exception {
    String events = ItSupport.topic("events-drop");
    ItSupport.createTopic(kafka.bootstrapServers(), events, 1, false);
    GuardstreamClient client = ItSupport.config(kafka.bootstrapServers(), events, ItSupport.topic("prompts"))
        .set(GuardstreamConfig.BUFFER_MAX_EVENTS, "200")
        .set(GuardstreamConfig.MAX_IN_FLIGHT, "50")
        .closeTimeout(Duration.ofSeconds(2))
        .start();
    Interaction warmUp = client.interaction(UserContext.of("acme", "carol"));
    warmUp.prompt("hello").record();
    assertThat(client.flush(Duration.ofSeconds(60))).isTrue();

    stopBrokerNow();
    Interaction turn = client.interaction(UserContext.of("acme", "carol"));
    long maxBuffered = 0;
    for (int i = 0; i < 3_000; i++) {
      int n = i;
      assertThatCode(() -> turn.prompt("event " + n).record()).doesNotThrowAnyException();
      maxBuffered = Math.max(maxBuffered, client.stats().bufferedEvents());
    }
    SdkStats during = client.stats();
    assertThat(maxBuffered).isLessThanOrEqualTo(200);
    assertThat(during.inFlight()).isLessThanOrEqualTo(50);
    assertThat(during.dropped()).isGreaterThanOrEqualTo(3_000 - 200 - 50);
    assertThat(client.flush(Duration.ofMillis(500))).isFalse();

    client.close();
    SdkStats after = client.stats();
    assertThat(after.recorded()).isEqualTo(3_001);
    assertThat(after.sent() + after.failed() + after.dropped()).isEqualTo(after.recorded());
    assertThat(after.bufferedEvents()).isZero();
  }

  @Test
  void spoolReplaysEverythingInOrderWhenTheBrokerReturns() throws Exception {
    String events = ItSupport.topic("events-spool");
    ItSupport.createTopic(kafka.bootstrapServers(), events, 1, false);
    GuardstreamClient client = ItSupport.config(kafka.bootstrapServers(), events, ItSupport.topic("prompts"))
        .overflow(OverflowPolicy.SPOOL)
        .spoolDir(dir.resolve("spool"))
        // Room for every event: so no drop can depend on how fast this machine's disk is, while
        // half of it (the spill mark) is passed, so the spool must take over.
        .set(GuardstreamConfig.BUFFER_MAX_EVENTS, "2000")
        .set(GuardstreamConfig.MAX_IN_FLIGHT, "20")
        .set(GuardstreamConfig.SPOOL_SEGMENT_BYTES, "64KiB")
        .start();
    Interaction turn = client.interaction(UserContext.of("acme", "dave"));
    turn.prompt("seq 0").attribute("seq", "0").record();
    assertThat(client.flush(Duration.ofSeconds(60))).isTrue();

    stopBrokerNow();
    int n = 2_000;
    for (int i = 1; i <= n; i++) {
      turn.prompt("seq " + i).attribute("seq", Integer.toString(i)).record();
    }
    assertThat(client.flush(Duration.ofMillis(500))).isFalse();
    await().atMost(Duration.ofSeconds(60)).until(() -> client.stats().spooled() > 0);
    assertThat(client.stats().dropped()).isZero();

    restartBroker();
    assertThat(client.flush(Duration.ofSeconds(120))).isTrue();
    client.close();
    SdkStats after = client.stats();
    assertThat(after.sent()).isEqualTo(n + 1);
    assertThat(after.replayed()).isPositive();
    assertThat(after.dropped()).isZero();
    assertThat(after.failed()).isZero();

    List<ConsumerRecord<String, AiEvent>> records = ItSupport.read(kafka.bootstrapServers(), events, AiEvent.class, n + 1);
    assertThat(records.stream().map(r -> Integer.parseInt(r.value().getAttributes().get("seq"))).toList())
        .isEqualTo(java.util.stream.IntStream.rangeClosed(0, n).boxed().toList());
  }

  @Test
  void closeSpoolsWhatItCouldNotSendAndTheNextClientReplaysIt() throws Exception {
    String events = ItSupport.topic("events-close");
    ItSupport.createTopic(kafka.bootstrapServers(), events, 1, false);
    Path spool = dir.resolve("spool-close");
    GuardstreamConfig.Builder settings = ItSupport.config(kafka.bootstrapServers(), events, ItSupport.topic("prompts"))
        .overflow(OverflowPolicy.SPOOL)
        .spoolDir(spool)
        .closeTimeout(Duration.ofSeconds(1));
    GuardstreamClient first = settings.start();
    Interaction turn = first.interaction(UserContext.of("globex", "erin"));
    turn.prompt("seq 0").attribute("seq", "0").record();
    assertThat(first.flush(Duration.ofSeconds(60))).isTrue();

    stopBrokerNow();
    for (int i = 1; i <= 300; i++) {
      turn.prompt("seq " + i).attribute("seq", Integer.toString(i)).record();
    }
    first.close();
    SdkStats closed = first.stats();
    assertThat(closed.sent()).isEqualTo(1);
    assertThat(closed.dropped()).isZero();
    assertThat(closed.spoolBytes()).isPositive();

    restartBroker();
    try (GuardstreamClient second = settings.start()) {
      assertThat(second.flush(Duration.ofSeconds(120))).isTrue();
      assertThat(second.stats().replayed()).isEqualTo(300);
    }
    List<ConsumerRecord<String, AiEvent>> records = ItSupport.read(kafka.bootstrapServers(), events, AiEvent.class, 301);
    assertThat(records.stream().map(r -> Integer.parseInt(r.value().getAttributes().get("seq"))).toList())
        .isEqualTo(java.util.stream.IntStream.rangeClosed(0, 300).boxed().toList());
  }
}
