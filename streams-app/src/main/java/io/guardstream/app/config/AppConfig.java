package io.guardstream.app.config;

import io.guardstream.guard.Severity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The streams app's configuration: every setting with its default, read from properties (keys as
 * below) overridden by environment variables (GUARDSTREAM_*), validated at once. Kafka client
 * settings pass through as {@code kafka.<client key>} / {@code GUARDSTREAM_KAFKA_<KEY>} (e.g.
 * GUARDSTREAM_KAFKA_SECURITY_PROTOCOL=SASL_SSL), schema registry client settings as
 * {@code registry.<key>} / {@code GUARDSTREAM_REGISTRY_<KEY>}.
 */
public final class AppConfig {
  private static final String KAFKA_PREFIX = "kafka.";
  private static final String REGISTRY_PREFIX = "registry.";

  public static final Setting<String> BOOTSTRAP_SERVERS = new Setting<>("guardstream.bootstrap.servers", null, false,
      "Kafka bootstrap servers (host:port,...).", Parsers::nonBlank);
  public static final Setting<String> SCHEMA_REGISTRY_URL = new Setting<>("guardstream.schema.registry.url", null, false,
      "Confluent-API schema registry URL(s), comma separated.", Parsers::nonBlank);
  public static final Setting<String> APPLICATION_ID = new Setting<>("guardstream.application.id", "guardstream", false,
      "Kafka Streams application id: consumer group and prefix of internal topics. Instances with the same id share the work.",
      Parsers::nonBlank);
  public static final Setting<String> TOPIC_EVENTS = topic("events", "ai.events", "Input: AiEvent records from the SDK.");
  public static final Setting<String> TOPIC_AUDIT = topic("audit", "ai.audit", "Output: one redacted AuditRecord per event.");
  public static final Setting<String> TOPIC_ALERTS = topic("alerts", "ai.alerts", "Output: deduplicated Alert records.");
  public static final Setting<String> TOPIC_ALERTS_OCSF = topic("alerts-ocsf", "ai.alerts.ocsf",
      "Output: the same alerts as OCSF 1.3 Detection Finding JSON (class_uid 2004), for SIEMs.");
  public static final Setting<String> TOPIC_USER_RISK = topic("user-risk", "ai.user-risk", "Output: UserRisk per user and closed window.");
  public static final Setting<String> TOPIC_GUARD_RULES = topic("guard-rules", "ai.guard-rules", "Compacted input: published rule sets (GuardRuleSet).");
  public static final Setting<String> TOPIC_SYSTEM_PROMPTS = topic("system-prompts", "ai.system-prompts",
      "Compacted input: registered system-prompt fingerprints (SystemPromptFingerprint).");
  public static final Setting<String> TOPIC_DLQ = topic("dlq", "ai.events.dlq", "Output: undecodable or invalid events, original bytes plus reason headers.");
  public static final Setting<String> RULE_SET_ID = new Setting<>("guardstream.rule-set.id", "default", false,
      "Which rule set from the guard-rules topic is active; the built-in defaults apply until one is published.", Parsers::nonBlank);
  public static final Setting<Severity> ALERT_MIN_SEVERITY = new Setting<>("guardstream.alert.min-severity", "HIGH", false,
      "Findings at or above this severity raise guard alerts (INFO, LOW, MEDIUM, HIGH, CRITICAL).",
      v -> Parsers.enumValue(Severity.class, v));
  public static final Setting<Duration> ALERT_SUPPRESSION = new Setting<>("guardstream.alert.suppression-window", "10m", false,
      "Repeats of an alert (same user, type and category) within this event-time window are folded into one alert with a count.",
      Parsers::duration);
  public static final Setting<Integer> MAX_CONTENT_CHARS = new Setting<>("guardstream.content.max-chars", "1000000", false,
      "Events whose content is longer go to the DLQ (reason content-too-large).", Parsers::positiveInt);
  public static final Setting<String> REDACTION_KEY = new Setting<>("guardstream.redaction.key", "", true,
      "Key for keyed pseudonyms in redacted text (same value, same token). Empty: typed masks such as [EMAIL].",
      Parsers::optional);
  public static final Setting<List<Duration>> ANOMALY_WINDOWS = new Setting<>("guardstream.anomaly.windows", "1m,15m", false,
      "Tumbling event-time windows over which per-user features are scored.", Parsers::durations);
  public static final Setting<Duration> ANOMALY_GRACE = new Setting<>("guardstream.anomaly.grace", "30s", false,
      "How long after a window's end late events still count into it.", Parsers::duration);
  public static final Setting<Double> ANOMALY_ALERT_THRESHOLD = new Setting<>("guardstream.anomaly.alert-threshold", "80", false,
      "A window score (0-100) at or above this opens an anomaly alert.", Parsers::score);
  public static final Setting<Double> ANOMALY_CLEAR_THRESHOLD = new Setting<>("guardstream.anomaly.clear-threshold", "50", false,
      "Scores must stay below this before the same user can raise a new anomaly alert (hysteresis).", Parsers::score);
  public static final Setting<int[]> BUSINESS_HOURS = new Setting<>("guardstream.anomaly.business-hours", "07-19", false,
      "Hours counted as on-hours for the off_hours feature, start inclusive, end exclusive.", Parsers::hours);
  public static final Setting<ZoneId> TIME_ZONE = new Setting<>("guardstream.anomaly.time-zone", "UTC", false,
      "Time zone of the business hours.", Parsers::zone);
  public static final Setting<String> HTTP_HOST = new Setting<>("guardstream.http.host", "0.0.0.0", false,
      "Interface for the HTTP endpoints (health, metrics, queries).", Parsers::nonBlank);
  public static final Setting<Integer> HTTP_PORT = new Setting<>("guardstream.http.port", "8080", false,
      "Port for the HTTP endpoints; 0 picks a free one.", Parsers::port);
  public static final Setting<String> ADVERTISED_HOST = new Setting<>("guardstream.http.advertised-host", "", false,
      "Host name other instances use to reach this one's HTTP port (query forwarding). Empty: the local host name.",
      Parsers::optional);
  public static final Setting<String> API_KEY = new Setting<>("guardstream.api.key", "", true,
      "API key required by every endpoint except health and metrics (header X-API-Key). Empty: those endpoints refuse all requests.",
      Parsers::optional);
  public static final Setting<String> STATE_DIR = new Setting<>("guardstream.state.dir",
      System.getProperty("java.io.tmpdir") + "/guardstream-state", false,
      "Directory for local state stores (RocksDB).", Parsers::nonBlank);
  public static final Setting<String> PROCESSING_GUARANTEE = new Setting<>("guardstream.processing.guarantee", "exactly_once_v2", false,
      "exactly_once_v2 (no lost or duplicated audit records across failures) or at_least_once.", Parsers::processingGuarantee);
  public static final Setting<Integer> STREAM_THREADS = new Setting<>("guardstream.stream.threads", "1", false,
      "Stream threads in this instance.", Parsers::positiveInt);
  public static final Setting<Integer> STANDBY_REPLICAS = new Setting<>("guardstream.standby.replicas", "0", false,
      "Warm copies of each state store on other instances, for fast fail-over.", Parsers::integer);
  public static final Setting<Integer> REPLICATION_FACTOR = new Setting<>("guardstream.replication.factor", "-1", false,
      "Replication factor of internal topics; -1 uses the broker default.", Parsers::integer);

  /** The topic settings. */
  public static final List<Setting<String>> TOPICS = List.of(
      TOPIC_EVENTS, TOPIC_AUDIT, TOPIC_ALERTS, TOPIC_ALERTS_OCSF, TOPIC_USER_RISK, TOPIC_GUARD_RULES,
      TOPIC_SYSTEM_PROMPTS, TOPIC_DLQ);

  /** Every setting, in reference order. */
  public static final List<Setting<?>> SETTINGS = List.of(
      BOOTSTRAP_SERVERS, SCHEMA_REGISTRY_URL, APPLICATION_ID,
      TOPIC_EVENTS, TOPIC_AUDIT, TOPIC_ALERTS, TOPIC_ALERTS_OCSF, TOPIC_USER_RISK, TOPIC_GUARD_RULES,
      TOPIC_SYSTEM_PROMPTS, TOPIC_DLQ, RULE_SET_ID, ALERT_MIN_SEVERITY, ALERT_SUPPRESSION, MAX_CONTENT_CHARS, REDACTION_KEY,
      ANOMALY_WINDOWS, ANOMALY_GRACE, ANOMALY_ALERT_THRESHOLD, ANOMALY_CLEAR_THRESHOLD, BUSINESS_HOURS, TIME_ZONE,
      HTTP_HOST, HTTP_PORT, ADVERTISED_HOST, API_KEY, STATE_DIR, PROCESSING_GUARANTEE, STREAM_THREADS,
      STANDBY_REPLICAS, REPLICATION_FACTOR);

  private final Map<Setting<?>, Object> values;
  private final Map<String, String> kafka;
  private final Map<String, String> registry;

  private AppConfig(Map<Setting<?>, Object> values, Map<String, String> kafka, Map<String, String> registry) {
    this.values = values;
    this.kafka = kafka;
    this.registry = registry;
  }

  private static Setting<String> topic(String name, String def, String description) {
    return new Setting<>("guardstream.topic." + name, def, false, description, Parsers::nonBlank);
  }

  /**
   * Properties giving an instance its own application id and topics, every default name prefixed
   * with {@code prefix}: several independent instances (tests, benchmarks) on one cluster.
   */
  public static Map<String, String> namespaced(String prefix) {
    Map<String, String> props = new HashMap<>();
    props.put(APPLICATION_ID.key(), prefix + APPLICATION_ID.defaultValue());
    for (Setting<String> topic : TOPICS) {
      props.put(topic.key(), prefix + topic.defaultValue());
    }
    return props;
  }

  /** Reads the process environment and optional properties (e.g. from --config FILE). */
  public static AppConfig load(Properties properties) {
    Map<String, String> props = new HashMap<>();
    properties.stringPropertyNames().forEach(k -> props.put(k, properties.getProperty(k)));
    return load(props, System.getenv());
  }

  /**
   * Builds and validates the configuration; environment variables override properties.
   *
   * @throws ConfigException listing every invalid or missing setting by key and variable name
   */
  public static AppConfig load(Map<String, String> properties, Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    Map<Setting<?>, Object> values = new HashMap<>();
    for (Setting<?> setting : SETTINGS) {
      String raw = env.containsKey(setting.envName()) ? env.get(setting.envName()) : properties.get(setting.key());
      String where = setting.key() + " (env " + setting.envName() + ")";
      if (raw == null) {
        raw = setting.defaultValue();
      }
      if (raw == null) {
        problems.add(where + ": required but not set. " + setting.description());
        continue;
      }
      try {
        Object value = setting.parser().apply(raw);
        if (value != null) {
          values.put(setting, value);
        }
      } catch (IllegalArgumentException e) {
        problems.add(where + ": " + e.getMessage());
      }
    }
    Map<String, String> kafka = passThrough(KAFKA_PREFIX, properties, env);
    Map<String, String> registry = passThrough(REGISTRY_PREFIX, properties, env);
    for (String key : properties.keySet()) {
      if (key.startsWith("guardstream.") && SETTINGS.stream().noneMatch(s -> s.key().equals(key))) {
        problems.add(key + ": unknown setting (see ./guardstream config-reference)");
      }
    }
    AppConfig config = new AppConfig(values, kafka, registry);
    if (values.containsKey(ANOMALY_ALERT_THRESHOLD) && values.containsKey(ANOMALY_CLEAR_THRESHOLD)
        && config.get(ANOMALY_CLEAR_THRESHOLD) > config.get(ANOMALY_ALERT_THRESHOLD)) {
      problems.add(ANOMALY_CLEAR_THRESHOLD.key() + " (env " + ANOMALY_CLEAR_THRESHOLD.envName()
          + "): must not exceed " + ANOMALY_ALERT_THRESHOLD.key());
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return config;
  }

  private static Map<String, String> passThrough(String prefix, Map<String, String> properties, Map<String, String> env) {
    Map<String, String> out = new LinkedHashMap<>();
    properties.forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        out.put(k.substring(prefix.length()), v);
      }
    });
    String envPrefix = "GUARDSTREAM_" + prefix.replace(".", "_").toUpperCase(Locale.ROOT);
    env.forEach((k, v) -> {
      if (k.startsWith(envPrefix)) {
        out.put(k.substring(envPrefix.length()).toLowerCase(Locale.ROOT).replace('_', '.'), v);
      }
    });
    return out;
  }

  @SuppressWarnings("unchecked")
  public <T> T get(Setting<T> setting) {
    return (T) values.get(setting);
  }

  /** Kafka client settings passed through (without the kafka. prefix). */
  public Map<String, String> kafkaOverrides() {
    return kafka;
  }

  /** Schema registry client settings passed through (without the registry. prefix). */
  public Map<String, String> registryOverrides() {
    return registry;
  }

  /** Redaction key bytes, or null for typed masks. */
  public byte[] redactionKey() {
    String key = get(REDACTION_KEY);
    return key == null ? null : key.getBytes(StandardCharsets.UTF_8);
  }

  /** The configuration reference as a Markdown table (settings, variables, defaults, meaning). */
  public static String reference() {
    StringBuilder sb = new StringBuilder();
    sb.append("| property | environment variable | default | description |\n");
    sb.append("|---|---|---|---|\n");
    for (Setting<?> s : SETTINGS) {
      String def = s.required() ? "(required)" : s.defaultValue().isEmpty() ? "(empty)" : "`" + s.defaultValue() + "`";
      if (s == STATE_DIR) {
        def = "`$TMPDIR/guardstream-state`";
      }
      sb.append("| `").append(s.key()).append("` | `").append(s.envName()).append("` | ").append(def)
          .append(" | ").append(s.description()).append(" |\n");
    }
    sb.append("| `kafka.<key>` | `GUARDSTREAM_KAFKA_<KEY>` | | Any Kafka client setting, e.g. `kafka.security.protocol` / `GUARDSTREAM_KAFKA_SECURITY_PROTOCOL`. |\n");
    sb.append("| `registry.<key>` | `GUARDSTREAM_REGISTRY_<KEY>` | | Any schema registry client setting, e.g. `registry.basic.auth.user.info`. |\n");
    return sb.toString();
  }
}
