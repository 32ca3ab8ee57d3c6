package io.guardstream.app.topology;

import io.guardstream.app.metrics.GuardMetrics;
import io.guardstream.app.rules.ActiveRules;
import io.guardstream.app.rules.SystemPromptIndex;
import io.guardstream.embedded.EmbeddedStack;
import io.guardstream.guard.GuardEngine;
import io.guardstream.guard.GuardOptions;
import io.guardstream.guard.Severity;
import io.guardstream.registry.RegistryClientConfig;
import io.guardstream.registry.SchemaRegistryClient;
import io.guardstream.schema.AiEvent;
import io.guardstream.schema.Alert;
import io.guardstream.schema.AppInfo;
import io.guardstream.schema.AuditRecord;
import io.guardstream.schema.EventKind;
import io.guardstream.schema.GuardRuleSet;
import io.guardstream.schema.SystemPromptFingerprint;
import io.guardstream.schema.UserRisk;
import io.guardstream.serde.ConfluentAvroSerde;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * A TopologyTestDriver around {@link GuardTopology} with real serdes talking to a real schema
 * registry (the embedded Apicurio, shared per test JVM), input and output topics, and a metrics
 * registry to assert on.
 */
final class TopologyFixture implements AutoCloseable {
  static final String EVENTS = "ai.events";
  static final String AUDIT = "ai.audit";
  static final String ALERTS = "ai.alerts";
  static final String ALERTS_OCSF = "ai.alerts.ocsf";
  static final String USER_RISK = "ai.user-risk";
  static final String RULES = "ai.guard-rules";
  static final String PROMPTS = "ai.system-prompts";
  static final String DLQ = "ai.events.dlq";

  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final GuardMetrics metrics = new GuardMetrics(meters);
  final ActiveRules rules = new ActiveRules(r -> GuardEngine.create(r, GuardOptions.defaults()), metrics);
  final SchemaRegistryClient registry;
  final ConfluentAvroSerde<AiEvent> eventSerde;
  final TopologyTestDriver driver;
  final TestInputTopic<byte[], byte[]> rawEvents;
  final TestInputTopic<String, GuardRuleSet> ruleSets;
  final TestInputTopic<String, SystemPromptFingerprint> systemPrompts;
  final TestOutputTopic<String, AuditRecord> audit;
  final TestOutputTopic<String, Alert> alerts;
  final TestOutputTopic<String, String> alertsOcsf;
  final TestOutputTopic<String, UserRisk> userRisk;
  final TestOutputTopic<byte[], byte[]> dlq;

  TopologyFixture() {
    this(settings());
  }

  TopologyFixture(TopologySettings settings) {
    Map<String, Object> serdeConfig = Map.of(RegistryClientConfig.URL, EmbeddedStack.shared().registryUrl());
    registry = SchemaRegistryClient.create(serdeConfig);
    eventSerde = serde(AiEvent.class, serdeConfig);
    Topics topics = new Topics(
        new Topic<>(EVENTS, eventSerde),
        new Topic<>(AUDIT, serde(AuditRecord.class, serdeConfig)),
        new Topic<>(ALERTS, serde(Alert.class, serdeConfig)),
        ALERTS_OCSF,
        new Topic<>(USER_RISK, serde(UserRisk.class, serdeConfig)),
        new Topic<>(RULES, serde(GuardRuleSet.class, serdeConfig)),
        new Topic<>(PROMPTS, serde(SystemPromptFingerprint.class, serdeConfig)),
        DLQ);
    StreamsBuilder builder = new StreamsBuilder();
    GuardTopology.build(builder, topics, settings, new TopologyRuntime(rules, new SystemPromptIndex(), metrics));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "guardstream-test-" + UUID.randomUUID());
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    driver = new TopologyTestDriver(builder.build(props), props, Instant.parse("2026-11-24T10:00:00Z"));
    rawEvents = driver.createInputTopic(EVENTS, new ByteArraySerializer(), new ByteArraySerializer());
    ruleSets = driver.createInputTopic(RULES, new StringSerializer(), topics.guardRules().valueSerde().serializer());
    systemPrompts = driver.createInputTopic(PROMPTS, new StringSerializer(), topics.systemPrompts().valueSerde().serializer());
    audit = driver.createOutputTopic(AUDIT, new StringDeserializer(), topics.audit().valueSerde().deserializer());
    alerts = driver.createOutputTopic(ALERTS, new StringDeserializer(), topics.alerts().valueSerde().deserializer());
    alertsOcsf = driver.createOutputTopic(ALERTS_OCSF, new StringDeserializer(), new StringDeserializer());
    userRisk = driver.createOutputTopic(USER_RISK, new StringDeserializer(), topics.userRisk().valueSerde().deserializer());
    dlq = driver.createOutputTopic(DLQ, Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer());
  }

  static TopologySettings settings() {
    return new TopologySettings("default", 10_000, Severity.HIGH, Duration.ofMinutes(10),
        List.of(Duration.ofMinutes(1)), Duration.ofSeconds(30), 80, 50, 7, 19, ZoneOffset.UTC, "test");
  }

  private static <T> ConfluentAvroSerde<T> serde(Class<T> type, Map<String, Object> config) {
    ConfluentAvroSerde<T> serde = new ConfluentAvroSerde<>(type);
    serde.configure(config, false);
    return serde;
  }

  /** An event of a kind for tenant acme, with the given user, content and event time. */
  static AiEvent.Builder event(EventKind kind, String user, String content, Instant at) {
    return AiEvent.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setInteractionId(UUID.randomUUID().toString())
        .setKind(kind)
        .setEventTime(at)
        .setTenant("acme")
        .setUserId(user)
        .setApp(new AppInfo("support-bot", "1.0", "test"))
        .setContent(content);
  }

  /** Sends an event as the SDK would: Confluent-encoded, keyed tenant:user, record time = event time. */
  byte[] send(AiEvent event) {
    byte[] bytes = eventSerde.serializer().serialize(EVENTS, event);
    rawEvents.pipeInput(key(event), bytes, event.getEventTime());
    return bytes;
  }

  static byte[] key(AiEvent event) {
    return (event.getTenant() + ":" + event.getUserId()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  double count(String name, String... tags) {
    return meters.find(name).tags(tags).counters().stream().mapToDouble(Counter::count).sum();
  }

  @Override
  public void close() {
    driver.close();
  }
}
