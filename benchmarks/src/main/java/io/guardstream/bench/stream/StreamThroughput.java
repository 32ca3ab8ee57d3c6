package io.guardstream.bench.stream;

import io.guardstream.app.GuardstreamApp;
import io.guardstream.app.admin.TopicCatalog;
import io.guardstream.app.config.AppConfig;
import io.guardstream.app.metrics.GuardMetrics;
import io.guardstream.app.rules.ActiveRules;
import io.guardstream.app.rules.SystemPromptIndex;
import io.guardstream.app.topology.TopologyRuntime;
import io.guardstream.app.topology.TopologySettings;
import io.guardstream.bench.TrafficGenerator;
import io.guardstream.embedded.EmbeddedStack;
import io.guardstream.guard.GuardEngine;
import io.guardstream.guard.GuardOptions;
import io.guardstream.guard.GuardRequest;
import io.guardstream.guard.Kind;
import io.guardstream.guard.PromptFingerprint;
import io.guardstream.registry.RegistryClientConfig;
import io.guardstream.schema.AiEvent;
import io.guardstream.schema.AppInfo;
import io.guardstream.schema.EventKind;
import io.guardstream.serde.ConfluentAvroSerializer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * Events per second through the whole topology (decode, guard, audit, alerts, per-user windows),
 * either in a TopologyTestDriver ({@code driver}) or on a real in-JVM broker with exactly-once
 * processing ({@code broker}, which also reports end-to-end latency from produce to committed
 * audit record). Traffic: the engine benchmark's 1-4 KB prompt/response mix, one event in ten
 * carrying an attack or a leak, spread over {@code users} users.
 *
 * <p>In broker mode an optional rate (events/s) paces the producer: without it all events are sent
 * at once and latency measures the queue; with a rate below capacity it measures steady state.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.guardstream.bench.stream.StreamThroughput driver|broker [events] [users] [rate]</pre>
 */
public final class StreamThroughput {
  private StreamThroughput() {}

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "driver";
    int events = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    int users = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    int rate = args.length > 3 ? Integer.parseInt(args[3]) : 0;
    EmbeddedStack stack = EmbeddedStack.shared();
    String prefix = "bench-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    AppConfig config = config(stack, prefix);
    List<byte[]> values = encode(config, stack, events, users);
    if (mode.equals("driver")) {
      driver(config, values, users);
    } else {
      broker(config, stack, values, users, rate);
    }
    System.exit(0);
  }

  private static AppConfig config(EmbeddedStack stack, String prefix) throws Exception {
    Map<String, String> p = new HashMap<>();
    p.put(AppConfig.BOOTSTRAP_SERVERS.key(), stack.bootstrapServers());
    p.put(AppConfig.SCHEMA_REGISTRY_URL.key(), stack.registryUrl());
    p.putAll(AppConfig.namespaced(prefix));
    p.put(AppConfig.HTTP_HOST.key(), "127.0.0.1");
    p.put(AppConfig.HTTP_PORT.key(), "0");
    p.put(AppConfig.STATE_DIR.key(), Files.createTempDirectory("bench-state").toString());
    return AppConfig.load(p, Map.of());
  }

  private static List<byte[]> encode(AppConfig config, EmbeddedStack stack, int events, int users) {
    PromptFingerprint prompt = PromptFingerprint.of(null, "assistant", "main",
        "You are the support assistant of an outdoor shop. Answer briefly and never reveal internal codes.", List.of());
    List<GuardRequest> mix = new TrafficGenerator(42).mix(events, 1024, 4096, prompt);
    ConfluentAvroSerializer<AiEvent> serializer = new ConfluentAvroSerializer<>();
    serializer.configure(Map.of(RegistryClientConfig.URL, stack.registryUrl()), false);
    List<byte[]> out = new ArrayList<>(events);
    Instant t0 = Instant.now();
    for (int i = 0; i < mix.size(); i++) {
      GuardRequest r = mix.get(i);
      AiEvent e = AiEvent.newBuilder()
          .setEventId(UUID.randomUUID().toString())
          .setInteractionId("i-" + (i / 2))
          .setKind(r.kind() == Kind.PROMPT ? EventKind.PROMPT : EventKind.RESPONSE)
          .setEventTime(t0.plusMillis(i))
          .setTenant("acme")
          .setUserId("user" + (i / 2 % users))
          .setApp(new AppInfo("assistant", "1.0", "bench"))
          .setContent(r.content())
          .build();
      out.add(serializer.serialize(config.get(AppConfig.TOPIC_EVENTS), e));
    }
    return out;
  }

  private static byte[] key(int i, int users) {
    return ("acme:user" + (i / 2 % users)).getBytes(StandardCharsets.UTF_8);
  }

  private static void driver(AppConfig config, List<byte[]> values, int users) {
    GuardMetrics metrics = new GuardMetrics(new SimpleMeterRegistry());
    TopologyRuntime runtime = new TopologyRuntime(
        new ActiveRules(r -> GuardEngine.create(r, GuardOptions.defaults()), metrics), new SystemPromptIndex(), metrics);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.get(AppConfig.APPLICATION_ID));
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    try (TopologyTestDriver driver = new TopologyTestDriver(
        GuardstreamApp.buildTopology(config, TopologySettings.from(config), runtime, props), props)) {
      TestInputTopic<byte[], byte[]> in = driver.createInputTopic(config.get(AppConfig.TOPIC_EVENTS),
          new ByteArraySerializer(), new ByteArraySerializer());
      long bytes = values.stream().mapToLong(v -> v.length).sum();
      int warm = Math.min(values.size() / 4, 5_000);
      for (int i = 0; i < warm; i++) {
        in.pipeInput(key(i, users), values.get(i), Instant.now());
      }
      long start = System.nanoTime();
      for (int i = warm; i < values.size(); i++) {
        in.pipeInput(key(i, users), values.get(i), Instant.now());
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      int n = values.size() - warm;
      System.out.printf("driver: %d events in %.2f s = %.0f events/s (%.1f MB/s of records)%n", n, seconds, n / seconds,
          bytes * (double) n / values.size() / seconds / 1e6);
    }
  }

  private static void broker(AppConfig config, EmbeddedStack stack, List<byte[]> values, int users, int rate)
      throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
      TopicCatalog.of(config, 3).ensure(admin, (short) 1);
    }
    try (GuardstreamApp app = GuardstreamApp.start(config);
        KafkaConsumer<byte[], byte[]> audit = new KafkaConsumer<>(Map.of(
            "bootstrap.servers", stack.bootstrapServers(), "group.id", "bench-reader",
            "auto.offset.reset", "earliest", "isolation.level", "read_committed"),
            new ByteArrayDeserializer(), new ByteArrayDeserializer());
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
            "bootstrap.servers", stack.bootstrapServers(), "linger.ms", 10, "batch.size", 262144,
            "compression.type", "lz4"), new ByteArraySerializer(), new ByteArraySerializer())) {
      if (!app.awaitRunning(Duration.ofSeconds(90))) {
        throw new IllegalStateException("app not running");
      }
      audit.subscribe(List.of(config.get(AppConfig.TOPIC_AUDIT)));
      audit.poll(Duration.ofMillis(500));
      // Read while producing: a paced run measures latency only if records are consumed as they commit.
      List<Long> latencies = new ArrayList<>(values.size());
      Thread reader = new Thread(() -> {
        long deadline = System.currentTimeMillis() + 600_000;
        while (latencies.size() < values.size() && System.currentTimeMillis() < deadline) {
          for (ConsumerRecord<byte[], byte[]> r : audit.poll(Duration.ofMillis(200))) {
            latencies.add(System.currentTimeMillis() - r.timestamp());
          }
        }
      }, "audit-reader");
      long start = System.nanoTime();
      reader.start();
      for (int i = 0; i < values.size(); i++) {
        if (rate > 0) {
          long due = start + (long) (i * 1e9 / rate);
          // Park rather than spin: on two cores a spinning producer would take a core from the app.
          for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
            LockSupport.parkNanos(wait);
          }
        }
        // The audit record inherits this timestamp, so consumer time minus it is the end-to-end latency.
        producer.send(new ProducerRecord<>(config.get(AppConfig.TOPIC_EVENTS), null, System.currentTimeMillis(),
            key(i, users), values.get(i)));
      }
      producer.flush();
      reader.join();
      double seconds = (System.nanoTime() - start) / 1e9;
      long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
      System.out.printf("broker (exactly_once_v2, 3 partitions, 1 stream thread, %s): %d of %d audit records in %.1f s = %.0f events/s;"
          + " produce-to-committed-audit latency p50 %d ms, p99 %d ms, max %d ms%n",
          rate > 0 ? "paced at " + rate + "/s" : "burst", sorted.length, values.size(), seconds, sorted.length / seconds,
          pct(sorted, 0.50), pct(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
    }
  }

  private static long pct(long[] sorted, double q) {
    return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
  }
}
