package io.guardstream.sdk;

import io.guardstream.guard.GuardOptions;
import io.guardstream.guard.GuardRequest;
import io.guardstream.guard.Kind;
import io.guardstream.guard.PromptFingerprint;
import io.guardstream.registry.SchemaRegistryClient;
import io.guardstream.schema.AppInfo;
import io.guardstream.schema.GuardRuleSet;
import io.guardstream.schema.SdkInfo;
import io.guardstream.schema.SystemPromptFingerprint;
import io.guardstream.sdk.metrics.SdkCounters;
import io.guardstream.sdk.metrics.SdkMeters;
import io.guardstream.sdk.pipeline.CapturedEvent;
import io.guardstream.sdk.pipeline.EventBuffer;
import io.guardstream.sdk.pipeline.EventEncoder;
import io.guardstream.sdk.pipeline.Outbound;
import io.guardstream.sdk.pipeline.Sender;
import io.guardstream.sdk.pipeline.Wakeup;
import io.guardstream.sdk.rules.ActiveEngine;
import io.guardstream.sdk.rules.RulesFollower;
import io.guardstream.sdk.spool.DiskSpool;
import io.guardstream.serde.ConfluentAvroDeserializer;
import io.guardstream.serde.ConfluentAvroSerializer;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guardstream producer SDK: records what an AI app does (prompts, responses, tool calls and
 * results, retrievals) as AiEvent records on Kafka, checks texts inline with the same guard rules
 * as the stream, and registers system prompts for leak detection.
 *
 * <pre>{@code
 * GuardstreamClient guard = GuardstreamClient.builder()
 *     .bootstrapServers("kafka:9092").schemaRegistryUrl("http://registry:8081").app("support-bot").start();
 * Interaction turn = guard.interaction(UserContext.of("acme", "alice"));
 * turn.prompt(question).record();
 * turn.response(answer).usage(812, 64).record();
 * }</pre>
 *
 * <p>It never harms the host app: recording queues the event in a bounded buffer and returns; one
 * background thread serialises and sends, so no network or disk I/O happens on the app's threads
 * and no transport or serialisation problem reaches them (they are logged and counted, see
 * {@link #stats()}). When Kafka is unreachable the buffer fills up to its bound, then the
 * {@link OverflowPolicy} applies. Thread-safe; create one per app and {@link #close()} it at
 * shutdown.
 */
public final class GuardstreamClient implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GuardstreamClient.class);
  private static final String SDK_NAME = "guardstream-java";
  private static final String SDK_VERSION = sdkVersion();
  private static final SecureRandom CANARY_RANDOM = new SecureRandom();

  private final GuardstreamConfig config;
  private final SdkCounters counters = new SdkCounters();
  private final Wakeup wakeup = new Wakeup();
  private final EventBuffer buffer;
  private final ConcurrentLinkedQueue<Outbound> registrations = new ConcurrentLinkedQueue<>();
  private final SystemPrompts systemPrompts = new SystemPrompts();
  private final ActiveEngine engine;
  private final RulesFollower follower;
  private final Sender sender;
  private final Thread senderThread;
  private final AtomicBoolean closed = new AtomicBoolean();

  private GuardstreamClient(GuardstreamConfig config, Supplier<Producer<String, byte[]>> producers,
      Supplier<Consumer<String, byte[]>> consumers) {
    this.config = config;
    this.buffer = new EventBuffer(config.bufferMaxEvents(), config.bufferMaxBytes(), counters, wakeup);
    SchemaRegistryClient registry = SchemaRegistryClient.create(config.registryConfig());

    GuardOptions defaults = GuardOptions.defaults();
    GuardOptions options = defaults.withMaxScanChars(
        Math.max(defaults.maxScanChars(), config.contentMaxChars() + EventEncoder.REDACTION_MARGIN));
    this.engine = new ActiveEngine(options, counters, this::startFollower);
    this.follower = config.rulesFollow() ? newFollower(registry, consumers) : null;

    EnumSet<Kind> captured = EnumSet.noneOf(Kind.class);
    for (Kind k : Kind.values()) {
      if (config.captures(k)) {
        captured.add(k);
      }
    }
    EventEncoder encoder = new EventEncoder(new EventEncoder.Settings(config.eventsTopic(),
        new AppInfo(config.appName(), config.appVersion(), config.appEnvironment()),
        new SdkInfo(SDK_NAME, SDK_VERSION), captured, config.redact(), config.contentMaxChars()), engine::engine);
    ConfluentAvroSerializer<Object> serializer = new ConfluentAvroSerializer<>(registry);
    serializer.configure(config.registryConfig(), false);
    Supplier<DiskSpool> spool = config.overflow() == OverflowPolicy.SPOOL
        ? () -> DiskSpool.open(config.spoolDir(), config.spoolMaxBytes(), config.spoolSegmentBytes(),
            config.spoolFsyncInterval(), counters.dropped)
        : null;
    this.sender = new Sender(new Sender.Settings(config.maxInFlight(), config.closeTimeout()), buffer, registrations,
        encoder, serializer, producers, spool, counters, wakeup);
    this.senderThread = new Thread(sender, "guardstream-sdk-sender");
    this.senderThread.setDaemon(true);
    this.senderThread.start();
    if (config.micrometer() && micrometerPresent()) {
      SdkMeters.bindGlobal(this);
    }
  }

  private RulesFollower newFollower(SchemaRegistryClient registry, Supplier<Consumer<String, byte[]>> consumers) {
    ConfluentAvroDeserializer<GuardRuleSet> deserializer = new ConfluentAvroDeserializer<>(GuardRuleSet.class, registry);
    deserializer.configure(config.registryConfig(), false);
    return new RulesFollower(config.guardRulesTopic(), config.ruleSetId(), consumers, deserializer, engine, counters);
  }

  /** Called once, when the engine is first needed: inline checks and redaction then follow published rules. */
  private void startFollower() {
    if (follower != null) {
      follower.start();
    }
  }

  /** A builder for the settings; {@code start()} creates the client. */
  public static GuardstreamConfig.Builder builder() {
    return GuardstreamConfig.builder();
  }

  /**
   * Starts a client: validates nothing more (the configuration is valid) and starts the background
   * sender thread. No network I/O happens here; Kafka and the registry are contacted by the
   * background thread, which retries until they answer.
   */
  public static GuardstreamClient create(GuardstreamConfig config) {
    return create(config, () -> new KafkaProducer<>(config.producerDefaults()));
  }

  /** A client whose records go through the given producer factory (tests). */
  static GuardstreamClient create(GuardstreamConfig config, Supplier<Producer<String, byte[]>> producers) {
    return new GuardstreamClient(config, producers, () -> new KafkaConsumer<>(consumerConfig(config)));
  }

  private static Map<String, Object> consumerConfig(GuardstreamConfig config) {
    Map<String, Object> c = new HashMap<>(config.kafkaSettings());
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    c.put(ConsumerConfig.CLIENT_ID_CONFIG, "guardstream-sdk-rules-" + config.appName());
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    c.remove(ConsumerConfig.GROUP_ID_CONFIG);
    return c;
  }

  /** Starts a new interaction (with a fresh interaction id) for a user. */
  public Interaction interaction(UserContext user) {
    return new Interaction(this, EventEncoder.randomId(), user, null, null);
  }

  /** Continues an interaction whose id is known (e.g. created by another service or thread). */
  public Interaction interaction(UserContext user, String interactionId) {
    return new Interaction(this, interactionId, user, null, null);
  }

  /** Queues an event; after close it is counted as dropped. */
  void submit(CapturedEvent event) {
    counters.recorded.increment();
    if (closed.get()) {
      counters.dropped.increment();
      return;
    }
    buffer.offer(event);
  }

  /** Checks a prompt inline before the model sees it (prompt attacks, smuggled encodings, ...). */
  public InlineVerdict checkPrompt(String prompt) {
    return check(GuardRequest.of(Kind.PROMPT, prompt));
  }

  /**
   * Checks a response inline before the user sees it: secrets, PII, and leaks of the system
   * prompts this app registered (including their canaries).
   */
  public InlineVerdict checkResponse(String response) {
    return check(GuardRequest.of(Kind.RESPONSE, response));
  }

  /**
   * Checks any event inline with full context (user roles, documents, tool). The app name and, for
   * outputs, the app's registered system prompts are added when the request has none. Runs on the
   * calling thread; uses the followed rule set (built-in defaults until one is published).
   */
  public InlineVerdict check(GuardRequest request) {
    counters.checks.increment();
    GuardRequest r = request;
    if (request.appName() == null || request.systemPrompts().isEmpty()) {
      r = GuardRequest.builder(request.kind())
          .content(request.content())
          .tool(request.toolName(), request.toolArguments())
          .tenant(request.tenant())
          .appName(request.appName() == null ? config.appName() : request.appName())
          .model(request.model())
          .userRoles(request.userRoles())
          .documents(request.documents())
          .attributes(request.attributes())
          .systemPrompts(request.systemPrompts().isEmpty() ? systemPrompts.forTenant(request.tenant())
              : request.systemPrompts())
          .build();
    }
    return new InlineVerdict(engine.engine().check(r), request.content());
  }

  /** A new random canary token for the app to plant in a system prompt, e.g. {@code gs-canary-3f9a...}. */
  public String newCanary() {
    byte[] bytes = new byte[10];
    CANARY_RANDOM.nextBytes(bytes);
    return "gs-canary-" + HexFormat.of().formatHex(bytes);
  }

  /** Registers a system prompt used for every tenant of the app; see {@link #registerSystemPrompt(String, String, String, List)}. */
  public PromptFingerprint registerSystemPrompt(String promptId, String prompt, List<String> canaries) {
    return registerSystemPrompt(null, promptId, prompt, canaries);
  }

  /**
   * Registers a system prompt: fingerprints it here (word-shingle hashes plus the canaries planted
   * in it; the text itself never leaves the process) and publishes the fingerprint to the compacted
   * system-prompts topic under {@code app:prompt_id} ({@code tenant:app:prompt_id} when
   * tenant-scoped), asynchronously. Registering the same prompt again publishes nothing; a changed
   * prompt under the same id replaces the old one. Inline response checks use it too.
   *
   * @param tenant tenant the prompt is for, or null for every tenant
   * @param canaries tokens planted in the prompt (see {@link #newCanary()}); may be empty
   */
  public PromptFingerprint registerSystemPrompt(String tenant, String promptId, String prompt, List<String> canaries) {
    PromptFingerprint fp = PromptFingerprint.of(tenant, config.appName(), promptId, prompt, canaries);
    if (systemPrompts.put(fp) && !closed.get()) {
      SystemPromptFingerprint value = SystemPromptFingerprint.newBuilder()
          .setTenant(tenant)
          .setAppName(fp.appName())
          .setPromptId(promptId)
          .setShingleSize(fp.shingleSize())
          .setShingleHashes(toList(fp.shingleHashes()))
          .setSecretHashes(toList(fp.secretHashes()))
          .setSecretLengths(Arrays.stream(fp.secretLengths()).boxed().toList())
          .setCanaries(fp.canaries())
          .setRegisteredAt(Instant.now())
          .build();
      registrations.add(new Outbound(config.systemPromptsTopic(), SystemPrompts.key(fp), value, buffer.nextSeq()));
      wakeup.signal();
    }
    return fp;
  }

  private static List<Long> toList(long[] hashes) {
    List<Long> list = new ArrayList<>(hashes.length);
    for (long h : hashes) {
      list.add(h);
    }
    return list;
  }

  /**
   * Waits until every event recorded before this call has been delivered (or dropped or refused).
   *
   * @return false when the timeout passed first (e.g. Kafka is unreachable)
   */
  public boolean flush(Duration timeout) {
    return sender.flush(buffer.lastSeq(), timeout);
  }

  /** A snapshot of the counters and buffers. */
  public SdkStats stats() {
    return new SdkStats(counters.recorded.sum(), counters.sent.sum(), counters.failed.sum(), counters.dropped.sum(),
        counters.spooled.sum(), counters.replayed.sum(), buffer.size(), buffer.bytes(), sender.inFlight(),
        sender.spoolBytes(), counters.checks.sum(), counters.rulesApplied.sum(), counters.rulesRejected.sum(),
        engine.version());
  }

  /** The settings this client runs with. */
  public GuardstreamConfig config() {
    return config;
  }

  /**
   * Delivers what is buffered within the close timeout, then stops: with SPOOL, what could not be
   * delivered is written to the spool (replayed by the next client on the same directory); without
   * it, it is counted as dropped. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    sender.beginClose();
    try {
      senderThread.join(config.closeTimeout().toMillis() + 10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (follower != null) {
      follower.close();
    }
    SdkStats s = stats();
    log.info("guardstream SDK closed: {} recorded, {} sent, {} failed, {} dropped, {} spooled, {} replayed",
        s.recorded(), s.sent(), s.failed(), s.dropped(), s.spooled(), s.replayed());
  }

  private static boolean micrometerPresent() {
    try {
      Class.forName("io.micrometer.core.instrument.MeterRegistry", false, GuardstreamClient.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static String sdkVersion() {
    try (InputStream in = GuardstreamClient.class.getResourceAsStream("sdk-version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
