package io.guardstream.sdk;

import io.guardstream.guard.Kind;
import io.guardstream.registry.RegistryClientConfig;
import io.guardstream.sdk.config.ConfigValues;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;

/**
 * Validated settings of a {@link GuardstreamClient}. Every setting has a property key
 * ({@code guardstream.sdk.*}) and an environment variable ({@code GUARDSTREAM_SDK_*}: the key's part
 * after {@code guardstream.sdk.}, upper case, dots and dashes as underscores) that overrides it.
 * Kafka client settings (security, SASL, TLS) pass through as {@code guardstream.sdk.kafka.<key>} /
 * {@code GUARDSTREAM_SDK_KAFKA_<KEY>}, schema registry client settings as
 * {@code guardstream.sdk.registry.<key>} / {@code GUARDSTREAM_SDK_REGISTRY_<KEY>}.
 *
 * <p>Immutable. Build with {@link #builder()}, {@link #fromEnvironment()} or {@link #load(Path)}.
 */
public final class GuardstreamConfig {
  static final String PREFIX = "guardstream.sdk.";
  static final String KAFKA_PREFIX = PREFIX + "kafka.";
  static final String REGISTRY_PREFIX = PREFIX + "registry.";

  /** Kafka bootstrap servers (required). */
  public static final String BOOTSTRAP_SERVERS = PREFIX + "bootstrap.servers";
  /** Confluent-API schema registry URL(s), comma separated (required). */
  public static final String SCHEMA_REGISTRY_URL = PREFIX + "schema.registry.url";
  /** Application name (required). */
  public static final String APP_NAME = PREFIX + "app.name";
  /** Application version. */
  public static final String APP_VERSION = PREFIX + "app.version";
  /** Deployment environment (prod, staging, ...). */
  public static final String APP_ENVIRONMENT = PREFIX + "app.environment";
  /** Topic for AiEvent records. */
  public static final String TOPIC_EVENTS = PREFIX + "topic.events";
  /** Compacted topic for system prompt fingerprints. */
  public static final String TOPIC_SYSTEM_PROMPTS = PREFIX + "topic.system-prompts";
  /** Compacted topic of published rule sets. */
  public static final String TOPIC_GUARD_RULES = PREFIX + "topic.guard-rules";
  /** Events held in memory before the overflow policy applies. */
  public static final String BUFFER_MAX_EVENTS = PREFIX + "buffer.max-events";
  /** Estimated bytes held in memory before the overflow policy applies. */
  public static final String BUFFER_MAX_BYTES = PREFIX + "buffer.max-bytes";
  /** Events handed to the Kafka producer and not yet acknowledged. */
  public static final String MAX_IN_FLIGHT = PREFIX + "max-in-flight";
  /** DROP_OLDEST or SPOOL. */
  public static final String OVERFLOW = PREFIX + "overflow";
  /** Directory of the disk spool. */
  public static final String SPOOL_DIR = PREFIX + "spool.dir";
  /** Bytes the spool may use on disk. */
  public static final String SPOOL_MAX_BYTES = PREFIX + "spool.max-bytes";
  /** Size of one spool segment file. */
  public static final String SPOOL_SEGMENT_BYTES = PREFIX + "spool.segment-bytes";
  /** How often spooled data is forced to disk; 0 forces after every record. */
  public static final String SPOOL_FSYNC_INTERVAL = PREFIX + "spool.fsync-interval";
  /** How long close() may take to deliver what is buffered. */
  public static final String CLOSE_TIMEOUT = PREFIX + "close.timeout";
  /** Capture prompt text. */
  public static final String CAPTURE_PROMPT = PREFIX + "capture.prompt";
  /** Capture response text. */
  public static final String CAPTURE_RESPONSE = PREFIX + "capture.response";
  /** Capture tool call arguments. */
  public static final String CAPTURE_TOOL_CALL = PREFIX + "capture.tool-call";
  /** Capture tool results. */
  public static final String CAPTURE_TOOL_RESULT = PREFIX + "capture.tool-result";
  /** Capture retrieved text. */
  public static final String CAPTURE_RETRIEVAL = PREFIX + "capture.retrieval";
  /** Redact secrets and PII with the guard engine before events leave the process. */
  public static final String REDACT = PREFIX + "redact";
  /** Content longer than this is truncated. */
  public static final String CONTENT_MAX_CHARS = PREFIX + "content.max-chars";
  /** Follow the guard-rules topic for inline checks and redaction. */
  public static final String RULES_FOLLOW = PREFIX + "rules.follow";
  /** Which published rule set to follow. */
  public static final String RULE_SET_ID = PREFIX + "rules.id";
  /** Publish metrics to Micrometer's global registry when Micrometer is on the class path. */
  public static final String METRICS_MICROMETER = PREFIX + "metrics.micrometer";

  /** One setting: key, default (null when required) and what it means. */
  public record Setting(String key, String defaultValue, String description) {
    /** The environment variable that overrides the key. */
    public String envName() {
      return envName(key);
    }

    static String envName(String key) {
      return "GUARDSTREAM_SDK_" + key.substring(PREFIX.length()).replace('.', '_').replace('-', '_')
          .toUpperCase(Locale.ROOT);
    }
  }

  /** Every setting, in reference order. */
  public static final List<Setting> SETTINGS = List.of(
      new Setting(BOOTSTRAP_SERVERS, null, "Kafka bootstrap servers (host:port,...)."),
      new Setting(SCHEMA_REGISTRY_URL, null, "Confluent-API schema registry URL(s), comma separated."),
      new Setting(APP_NAME, null, "Application name, stable across deployments (e.g. support-bot)."),
      new Setting(APP_VERSION, "", "Application version."),
      new Setting(APP_ENVIRONMENT, "", "Deployment environment (prod, staging, ...)."),
      new Setting(TOPIC_EVENTS, "ai.events", "Topic for AiEvent records (key tenant:user_id)."),
      new Setting(TOPIC_SYSTEM_PROMPTS, "ai.system-prompts", "Compacted topic for system prompt fingerprints."),
      new Setting(TOPIC_GUARD_RULES, "ai.guard-rules", "Compacted topic of published rule sets, followed for inline checks."),
      new Setting(BUFFER_MAX_EVENTS, "10000", "Events held in memory (waiting to be sent) before the overflow policy applies."),
      new Setting(BUFFER_MAX_BYTES, "16MiB", "Estimated bytes held in memory before the overflow policy applies."),
      new Setting(MAX_IN_FLIGHT, "1000", "Events handed to the Kafka producer and not yet acknowledged; they wait in the producer "
          + "while Kafka is down and count toward memory use."),
      new Setting(OVERFLOW, "DROP_OLDEST", "DROP_OLDEST: drop the oldest buffered event when the buffer is full. SPOOL: move "
          + "buffered events to a bounded disk spool, replayed in order when Kafka is back."),
      new Setting(SPOOL_DIR, System.getProperty("java.io.tmpdir") + "/guardstream-spool",
          "Directory of the disk spool (SPOOL); one directory per client, locked while in use."),
      new Setting(SPOOL_MAX_BYTES, "256MiB", "Disk the spool may use; past it the oldest segment is dropped and counted."),
      new Setting(SPOOL_SEGMENT_BYTES, "16MiB", "Size of one spool segment file."),
      new Setting(SPOOL_FSYNC_INTERVAL, "1s", "How often spooled records are forced to disk; 0 forces after every record."),
      new Setting(CLOSE_TIMEOUT, "10s", "How long close() may take to deliver what is buffered; the rest is spooled (SPOOL) "
          + "or counted as dropped."),
      new Setting(CAPTURE_PROMPT, "true", "Send prompt text (false: the event carries no content)."),
      new Setting(CAPTURE_RESPONSE, "true", "Send response text."),
      new Setting(CAPTURE_TOOL_CALL, "true", "Send tool call arguments."),
      new Setting(CAPTURE_TOOL_RESULT, "true", "Send tool results."),
      new Setting(CAPTURE_RETRIEVAL, "true", "Send retrieved text (document ids and labels are always sent)."),
      new Setting(REDACT, "false", "Redact secrets and PII (guard engine, same rules as the stream) before events leave the "
          + "process; the stream then sees masks instead of the values."),
      new Setting(CONTENT_MAX_CHARS, "32768", "Content (and tool arguments) longer than this is cut and content_truncated set."),
      new Setting(RULES_FOLLOW, "true", "Follow the guard-rules topic so inline checks and redaction use the published rule "
          + "set (built-in defaults until one arrives)."),
      new Setting(RULE_SET_ID, "default", "Which rule set id on the guard-rules topic to follow."),
      new Setting(METRICS_MICROMETER, "true", "Register meters in Micrometer's global registry when Micrometer is on the "
          + "class path."));

  private final String bootstrapServers;
  private final String schemaRegistryUrl;
  private final String appName;
  private final String appVersion;
  private final String appEnvironment;
  private final String eventsTopic;
  private final String systemPromptsTopic;
  private final String guardRulesTopic;
  private final int bufferMaxEvents;
  private final long bufferMaxBytes;
  private final int maxInFlight;
  private final OverflowPolicy overflow;
  private final Path spoolDir;
  private final long spoolMaxBytes;
  private final long spoolSegmentBytes;
  private final Duration spoolFsyncInterval;
  private final Duration closeTimeout;
  private final Set<Kind> captured;
  private final boolean redact;
  private final int contentMaxChars;
  private final boolean rulesFollow;
  private final String ruleSetId;
  private final boolean micrometer;
  private final Map<String, String> kafka;
  private final Map<String, String> registry;

  private GuardstreamConfig(Map<String, String> values, Map<String, String> kafka, Map<String, String> registry) {
    List<String> problems = new ArrayList<>();
    Reader r = new Reader(values, problems);
    this.bootstrapServers = r.get(BOOTSTRAP_SERVERS, ConfigValues::nonBlank);
    this.schemaRegistryUrl = r.get(SCHEMA_REGISTRY_URL, ConfigValues::nonBlank);
    this.appName = r.get(APP_NAME, ConfigValues::nonBlank);
    this.appVersion = blankToNull(values.get(APP_VERSION));
    this.appEnvironment = blankToNull(values.get(APP_ENVIRONMENT));
    this.eventsTopic = r.get(TOPIC_EVENTS, ConfigValues::nonBlank);
    this.systemPromptsTopic = r.get(TOPIC_SYSTEM_PROMPTS, ConfigValues::nonBlank);
    this.guardRulesTopic = r.get(TOPIC_GUARD_RULES, ConfigValues::nonBlank);
    this.bufferMaxEvents = r.get(BUFFER_MAX_EVENTS, ConfigValues::positiveInt, 1);
    this.bufferMaxBytes = r.get(BUFFER_MAX_BYTES, ConfigValues::bytes, 1L);
    this.maxInFlight = r.get(MAX_IN_FLIGHT, ConfigValues::positiveInt, 1);
    this.overflow = r.get(OVERFLOW, v -> ConfigValues.enumValue(OverflowPolicy.class, v), OverflowPolicy.DROP_OLDEST);
    this.spoolDir = r.get(SPOOL_DIR, v -> Path.of(ConfigValues.nonBlank(v)));
    this.spoolMaxBytes = r.get(SPOOL_MAX_BYTES, ConfigValues::bytes, 1L);
    this.spoolSegmentBytes = r.get(SPOOL_SEGMENT_BYTES, ConfigValues::bytes, 1L);
    this.spoolFsyncInterval = r.get(SPOOL_FSYNC_INTERVAL, ConfigValues::duration, Duration.ZERO);
    this.closeTimeout = r.get(CLOSE_TIMEOUT, ConfigValues::duration, Duration.ZERO);
    EnumSet<Kind> kinds = EnumSet.noneOf(Kind.class);
    addIf(kinds, Kind.PROMPT, r.get(CAPTURE_PROMPT, ConfigValues::bool, true));
    addIf(kinds, Kind.RESPONSE, r.get(CAPTURE_RESPONSE, ConfigValues::bool, true));
    addIf(kinds, Kind.TOOL_CALL, r.get(CAPTURE_TOOL_CALL, ConfigValues::bool, true));
    addIf(kinds, Kind.TOOL_RESULT, r.get(CAPTURE_TOOL_RESULT, ConfigValues::bool, true));
    addIf(kinds, Kind.RETRIEVAL, r.get(CAPTURE_RETRIEVAL, ConfigValues::bool, true));
    this.captured = Set.copyOf(kinds);
    this.redact = r.get(REDACT, ConfigValues::bool, false);
    this.contentMaxChars = r.get(CONTENT_MAX_CHARS, ConfigValues::positiveInt, 1);
    this.rulesFollow = r.get(RULES_FOLLOW, ConfigValues::bool, true);
    this.ruleSetId = r.get(RULE_SET_ID, ConfigValues::nonBlank);
    this.micrometer = r.get(METRICS_MICROMETER, ConfigValues::bool, true);
    if (spoolSegmentBytes > Integer.MAX_VALUE) {
      problems.add(SPOOL_SEGMENT_BYTES + ": must be below 2 GiB");
    } else if (spoolSegmentBytes > spoolMaxBytes) {
      problems.add(SPOOL_SEGMENT_BYTES + ": must not exceed " + SPOOL_MAX_BYTES);
    }
    for (String key : values.keySet()) {
      if (SETTINGS.stream().noneMatch(s -> s.key().equals(key))) {
        problems.add(key + ": unknown setting (Kafka client settings go under " + KAFKA_PREFIX
            + ", registry client settings under " + REGISTRY_PREFIX + ")");
      }
    }
    this.kafka = Map.copyOf(kafka);
    this.registry = Map.copyOf(registry);
    if (problems.isEmpty()) {
      validateClients(problems);
    }
    if (!problems.isEmpty()) {
      throw new ConfigException("invalid guardstream SDK configuration:\n  " + String.join("\n  ", problems));
    }
  }

  private static void addIf(EnumSet<Kind> kinds, Kind kind, boolean on) {
    if (on) {
      kinds.add(kind);
    }
  }

  private static String blankToNull(String v) {
    return v == null || v.isBlank() ? null : v.trim();
  }

  private void validateClients(List<String> problems) {
    try {
      new ProducerConfig(producerDefaults());
    } catch (ConfigException e) {
      problems.add(KAFKA_PREFIX + "*: " + e.getMessage());
    }
    try {
      RegistryClientConfig.from(registryConfig());
    } catch (RuntimeException e) {
      problems.add(REGISTRY_PREFIX + "*: " + e.getMessage());
    }
  }

  /** Reads settings with their defaults, collecting problems instead of stopping at the first. */
  private static final class Reader {
    private final Map<String, String> values;
    private final List<String> problems;

    Reader(Map<String, String> values, List<String> problems) {
      this.values = values;
      this.problems = problems;
    }

    <T> T get(String key, Function<String, T> parser) {
      return get(key, parser, null);
    }

    <T> T get(String key, Function<String, T> parser, T fallback) {
      Setting setting = SETTINGS.stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
      String value = values.getOrDefault(key, setting.defaultValue());
      String where = key + " (env " + setting.envName() + ")";
      if (value == null) {
        problems.add(where + ": required but not set. " + setting.description());
        return fallback;
      }
      try {
        return parser.apply(value);
      } catch (IllegalArgumentException e) {
        problems.add(where + ": " + e.getMessage());
        return fallback;
      }
    }
  }

  /** A builder with every setting at its default. */
  public static Builder builder() {
    return new Builder();
  }

  /** Settings from the process environment ({@code GUARDSTREAM_SDK_*}) only. */
  public static GuardstreamConfig fromEnvironment() {
    return from(new Properties(), System.getenv());
  }

  /** Settings from a properties file, overridden by the process environment. */
  public static GuardstreamConfig load(Path propertiesFile) {
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(propertiesFile)) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read guardstream SDK settings from " + propertiesFile, e);
    }
    return from(properties, System.getenv());
  }

  /**
   * Settings from properties overridden by environment variables.
   *
   * @throws ConfigException naming every missing or invalid setting with its key and variable
   */
  public static GuardstreamConfig from(Properties properties, Map<String, String> env) {
    Builder builder = builder();
    for (String key : properties.stringPropertyNames()) {
      builder.set(key, properties.getProperty(key));
    }
    for (Map.Entry<String, String> e : env.entrySet()) {
      String name = e.getKey();
      if (name.startsWith("GUARDSTREAM_SDK_KAFKA_")) {
        builder.kafka(envToClientKey(name, "GUARDSTREAM_SDK_KAFKA_"), e.getValue());
      } else if (name.startsWith("GUARDSTREAM_SDK_REGISTRY_")) {
        builder.registry(envToClientKey(name, "GUARDSTREAM_SDK_REGISTRY_"), e.getValue());
      } else if (name.startsWith("GUARDSTREAM_SDK_")) {
        String key = SETTINGS.stream().filter(s -> s.envName().equals(name)).map(Setting::key).findFirst()
            .orElseThrow(() -> new ConfigException("environment variable " + name + ": unknown guardstream SDK setting"));
        builder.set(key, e.getValue());
      }
    }
    return builder.build();
  }

  private static String envToClientKey(String name, String prefix) {
    return name.substring(prefix.length()).toLowerCase(Locale.ROOT).replace('_', '.');
  }

  /** Collects settings; {@link #build()} validates them all at once. */
  public static final class Builder {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> kafka = new LinkedHashMap<>();
    private final Map<String, String> registry = new LinkedHashMap<>();

    private Builder() {}

    /** Kafka bootstrap servers, host:port,... */
    public Builder bootstrapServers(String servers) {
      return set(BOOTSTRAP_SERVERS, servers);
    }

    /** Schema registry base URL(s) of a Confluent-compatible API. */
    public Builder schemaRegistryUrl(String url) {
      return set(SCHEMA_REGISTRY_URL, url);
    }

    /** The application's name. */
    public Builder app(String name) {
      return set(APP_NAME, name);
    }

    /** The application's name, version and deployment environment. */
    public Builder app(String name, String version, String environment) {
      set(APP_NAME, name);
      set(APP_VERSION, version == null ? "" : version);
      return set(APP_ENVIRONMENT, environment == null ? "" : environment);
    }

    /** What to do when the memory buffer is full. */
    public Builder overflow(OverflowPolicy policy) {
      return set(OVERFLOW, policy.name());
    }

    /** Directory of the disk spool (SPOOL policy). */
    public Builder spoolDir(Path dir) {
      return set(SPOOL_DIR, dir.toString());
    }

    /** Redact secrets and PII before events leave the process. */
    public Builder redact(boolean on) {
      return set(REDACT, Boolean.toString(on));
    }

    /** How long close() may take. */
    public Builder closeTimeout(Duration timeout) {
      return set(CLOSE_TIMEOUT, timeout.toMillis() + "ms");
    }

    /** Any {@code guardstream.sdk.*} setting by key. */
    public Builder set(String key, String value) {
      if (key.startsWith(KAFKA_PREFIX)) {
        return kafka(key.substring(KAFKA_PREFIX.length()), value);
      }
      if (key.startsWith(REGISTRY_PREFIX)) {
        return registry(key.substring(REGISTRY_PREFIX.length()), value);
      }
      values.put(key, value);
      return this;
    }

    /** A Kafka client setting (e.g. security.protocol, sasl.jaas.config), passed to the producer and consumer. */
    public Builder kafka(String key, String value) {
      kafka.put(key, value);
      return this;
    }

    /** A schema registry client setting (e.g. basic.auth.user.info). */
    public Builder registry(String key, String value) {
      registry.put(key, value);
      return this;
    }

    /**
     * Validates the settings.
     *
     * @throws ConfigException naming every missing or invalid setting
     */
    public GuardstreamConfig build() {
      return new GuardstreamConfig(values, kafka, registry);
    }

    /** Validates the settings and starts a client with them (no network I/O on this thread). */
    public GuardstreamClient start() {
      return GuardstreamClient.create(build());
    }
  }

  /** Producer settings: the SDK's defaults, then the pass-through Kafka settings, then what the SDK needs. */
  Map<String, Object> producerDefaults() {
    Map<String, Object> p = new HashMap<>();
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
    p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    // Records wait in the producer while Kafka is down instead of expiring: the SDK bounds how many
    // (max-in-flight) and spools or drops the rest, so nothing expires out of order.
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE);
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000);
    // send() never waits (for metadata or buffer space): the sender thread must stay free to spool.
    // A refused send is retried after a back-off while the producer fetches metadata in the background.
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 0);
    p.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 5_000);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "guardstream-sdk-" + appName);
    p.putAll(kafka);
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, org.apache.kafka.common.serialization.StringSerializer.class);
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, org.apache.kafka.common.serialization.ByteArraySerializer.class);
    return p;
  }

  /** Registry client settings: the pass-through ones plus the URL. */
  Map<String, Object> registryConfig() {
    Map<String, Object> r = new HashMap<>(registry);
    r.put(RegistryClientConfig.URL, schemaRegistryUrl);
    return r;
  }

  /** Pass-through Kafka settings (security etc.) for the SDK's consumers. */
  Map<String, String> kafkaSettings() {
    return kafka;
  }

  /** Kafka bootstrap servers. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** Schema registry URL(s). */
  public String schemaRegistryUrl() {
    return schemaRegistryUrl;
  }

  /** Application name. */
  public String appName() {
    return appName;
  }

  /** Application version, or null. */
  public String appVersion() {
    return appVersion;
  }

  /** Deployment environment, or null. */
  public String appEnvironment() {
    return appEnvironment;
  }

  /** Topic of AiEvent records. */
  public String eventsTopic() {
    return eventsTopic;
  }

  /** Compacted topic of system prompt fingerprints. */
  public String systemPromptsTopic() {
    return systemPromptsTopic;
  }

  /** Compacted topic of rule sets. */
  public String guardRulesTopic() {
    return guardRulesTopic;
  }

  /** Events held in memory before the overflow policy applies. */
  public int bufferMaxEvents() {
    return bufferMaxEvents;
  }

  /** Estimated bytes held in memory before the overflow policy applies. */
  public long bufferMaxBytes() {
    return bufferMaxBytes;
  }

  /** Events handed to the producer and not yet acknowledged. */
  public int maxInFlight() {
    return maxInFlight;
  }

  /** The overflow policy. */
  public OverflowPolicy overflow() {
    return overflow;
  }

  /** Directory of the disk spool. */
  public Path spoolDir() {
    return spoolDir;
  }

  /** Disk the spool may use. */
  public long spoolMaxBytes() {
    return spoolMaxBytes;
  }

  /** Size of one spool segment. */
  public long spoolSegmentBytes() {
    return spoolSegmentBytes;
  }

  /** How often spooled records are forced to disk. */
  public Duration spoolFsyncInterval() {
    return spoolFsyncInterval;
  }

  /** How long close() may take. */
  public Duration closeTimeout() {
    return closeTimeout;
  }

  /** Whether content of events of this kind is sent. */
  public boolean captures(Kind kind) {
    return captured.contains(kind);
  }

  /** Whether content is redacted before it leaves the process. */
  public boolean redact() {
    return redact;
  }

  /** Maximum content length in chars. */
  public int contentMaxChars() {
    return contentMaxChars;
  }

  /** Whether the guard-rules topic is followed. */
  public boolean rulesFollow() {
    return rulesFollow;
  }

  /** Rule set id followed. */
  public String ruleSetId() {
    return ruleSetId;
  }

  /** Whether meters go to Micrometer's global registry when Micrometer is present. */
  public boolean micrometer() {
    return micrometer;
  }

  @Override
  public String toString() {
    return "GuardstreamConfig[app=" + appName + ", bootstrap=" + bootstrapServers + ", events=" + eventsTopic
        + ", overflow=" + overflow + "]";
  }
}
