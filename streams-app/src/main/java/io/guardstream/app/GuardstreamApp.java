package io.guardstream.app;

import io.guardstream.app.config.AppConfig;
import io.guardstream.app.http.HttpEndpoints;
import io.guardstream.app.http.UserRiskQuery;
import io.guardstream.app.metrics.GuardMetrics;
import io.guardstream.app.rules.ActiveRules;
import io.guardstream.app.rules.SystemPromptIndex;
import io.guardstream.app.topology.GuardTopology;
import io.guardstream.app.topology.Topic;
import io.guardstream.app.topology.TopologyRuntime;
import io.guardstream.app.topology.TopologySettings;
import io.guardstream.app.topology.Topics;
import io.guardstream.guard.GuardEngine;
import io.guardstream.guard.GuardOptions;
import io.guardstream.registry.RegistryClientConfig;
import io.guardstream.registry.SchemaRegistryClient;
import io.guardstream.schema.AiEvent;
import io.guardstream.schema.Alert;
import io.guardstream.schema.AuditRecord;
import io.guardstream.schema.GuardRuleSet;
import io.guardstream.schema.SystemPromptFingerprint;
import io.guardstream.schema.UserRisk;
import io.guardstream.serde.ConfluentAvroSerde;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running guardstream instance: the Kafka Streams topology, its metrics and HTTP endpoints,
 * wired from an {@link AppConfig}. All I/O and configuration reading happens here, none in the
 * topology.
 */
public final class GuardstreamApp implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GuardstreamApp.class);

  private final KafkaStreams streams;
  private final HttpEndpoints http;
  private final PrometheusMeterRegistry registry;
  private final KafkaStreamsMetrics streamsMetrics;
  private final TopologyRuntime runtime;

  private GuardstreamApp(KafkaStreams streams, HttpEndpoints http, PrometheusMeterRegistry registry,
      KafkaStreamsMetrics streamsMetrics, TopologyRuntime runtime) {
    this.streams = streams;
    this.http = http;
    this.registry = registry;
    this.streamsMetrics = streamsMetrics;
    this.runtime = runtime;
  }

  /** Builds everything, starts the HTTP endpoints, then the streams. */
  public static GuardstreamApp start(AppConfig config) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);

    GuardMetrics metrics = new GuardMetrics(registry);
    GuardOptions options = engineOptions(config);
    TopologyRuntime runtime = new TopologyRuntime(
        new ActiveRules(rules -> GuardEngine.create(rules, options), metrics), new SystemPromptIndex(), metrics);

    AtomicReference<KafkaStreams> streamsRef = new AtomicReference<>();
    HttpEndpoints http;
    try {
      http = HttpEndpoints.start(config.get(AppConfig.HTTP_HOST), config.get(AppConfig.HTTP_PORT),
          () -> streamsRef.get() == null ? new HttpEndpoints.Health(true, false, "STARTING") : health(streamsRef.get().state()),
          registry::scrape, config.get(AppConfig.API_KEY));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve HTTP on " + config.get(AppConfig.HTTP_HOST) + ":"
          + config.get(AppConfig.HTTP_PORT) + " (" + AppConfig.HTTP_PORT.key() + ")", e);
    }
    // application.server must carry the port actually bound (0 picks a free one).
    HostInfo self = new HostInfo(advertisedHost(config), http.port());
    Properties props = streamsProperties(config, self);
    TopologySettings settings = TopologySettings.from(config);
    KafkaStreams streams = new KafkaStreams(buildTopology(config, settings, runtime, props), props);
    streamsRef.set(streams);
    streams.setUncaughtExceptionHandler(e -> {
      // Transient failures (registry or broker outage) are retried by a fresh thread from the last
      // committed offsets; with exactly-once nothing is lost or duplicated.
      log.error("stream thread failed; replacing it", e);
      return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
    });
    KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
    streamsMetrics.bindTo(registry);
    http.route(UserRiskQuery.PREFIX, new UserRiskQuery(streams, GuardTopology.tracker(settings), self,
        config.get(AppConfig.API_KEY)));
    streams.start();
    return new GuardstreamApp(streams, http, registry, streamsMetrics, runtime);
  }

  /** The topology for a configuration, with serdes talking to the configured registry (also used by the throughput harness). */
  public static Topology buildTopology(AppConfig config, TopologySettings settings, TopologyRuntime runtime, Properties props) {
    Map<String, Object> serdeConfig = new HashMap<>(config.registryOverrides());
    serdeConfig.put(RegistryClientConfig.URL, config.get(AppConfig.SCHEMA_REGISTRY_URL));
    SchemaRegistryClient client = SchemaRegistryClient.create(serdeConfig);
    Topics topics = new Topics(
        new Topic<>(config.get(AppConfig.TOPIC_EVENTS), serde(AiEvent.class, client, serdeConfig)),
        new Topic<>(config.get(AppConfig.TOPIC_AUDIT), serde(AuditRecord.class, client, serdeConfig)),
        new Topic<>(config.get(AppConfig.TOPIC_ALERTS), serde(Alert.class, client, serdeConfig)),
        config.get(AppConfig.TOPIC_ALERTS_OCSF),
        new Topic<>(config.get(AppConfig.TOPIC_USER_RISK), serde(UserRisk.class, client, serdeConfig)),
        new Topic<>(config.get(AppConfig.TOPIC_GUARD_RULES), serde(GuardRuleSet.class, client, serdeConfig)),
        new Topic<>(config.get(AppConfig.TOPIC_SYSTEM_PROMPTS), serde(SystemPromptFingerprint.class, client, serdeConfig)),
        config.get(AppConfig.TOPIC_DLQ));
    // The builder gets the app's settings: its no-argument form builds a default StreamsConfig that
    // warns about settings the app does set.
    StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(props)));
    GuardTopology.build(builder, topics, settings, runtime);
    return builder.build(props);
  }

  private static <T> ConfluentAvroSerde<T> serde(Class<T> type, SchemaRegistryClient client, Map<String, Object> config) {
    ConfluentAvroSerde<T> serde = new ConfluentAvroSerde<>(type, client);
    serde.configure(config, false);
    return serde;
  }

  static GuardOptions engineOptions(AppConfig config) {
    GuardOptions options = GuardOptions.defaults();
    byte[] key = config.redactionKey();
    return key == null ? options : options.withPseudonymKey(key);
  }

  static Properties streamsProperties(AppConfig config, HostInfo self) {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.get(AppConfig.APPLICATION_ID));
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.get(AppConfig.BOOTSTRAP_SERVERS));
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.get(AppConfig.PROCESSING_GUARANTEE));
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.get(AppConfig.STREAM_THREADS));
    p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, config.get(AppConfig.STANDBY_REPLICAS));
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.get(AppConfig.REPLICATION_FACTOR));
    p.put(StreamsConfig.STATE_DIR_CONFIG, config.get(AppConfig.STATE_DIR));
    p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
    // The global rules and prompt processors handle their own bad records; this only opts in to
    // the behaviour Kafka 5 makes the default.
    p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    // Client settings (security, timeouts, ...) pass through unchanged and win over the above.
    p.putAll(config.kafkaOverrides());
    return p;
  }

  private static String advertisedHost(AppConfig config) {
    String host = config.get(AppConfig.ADVERTISED_HOST);
    if (host != null) {
      return host;
    }
    String bind = config.get(AppConfig.HTTP_HOST);
    if (!"0.0.0.0".equals(bind)) {
      return bind;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  static HttpEndpoints.Health health(KafkaStreams.State state) {
    boolean live = state != KafkaStreams.State.ERROR && state != KafkaStreams.State.PENDING_ERROR;
    return new HttpEndpoints.Health(live, state == KafkaStreams.State.RUNNING, state.name());
  }

  public KafkaStreams streams() {
    return streams;
  }

  public GuardMetrics metrics() {
    return runtime.metrics();
  }

  public ActiveRules rules() {
    return runtime.rules();
  }

  public int httpPort() {
    return http.port();
  }

  /** Blocks until the streams are RUNNING or the timeout passes; returns whether they are. */
  public boolean awaitRunning(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      KafkaStreams.State s = streams.state();
      if (s == KafkaStreams.State.RUNNING) {
        return true;
      }
      if (s == KafkaStreams.State.ERROR || s == KafkaStreams.State.NOT_RUNNING) {
        return false;
      }
      Thread.sleep(100);
    }
    return false;
  }

  @Override
  public void close() {
    // Leave the group so the remaining instances take over at once, not after the session timeout.
    streams.close(CloseOptions.timeout(Duration.ofSeconds(30))
        .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    streamsMetrics.close();
    http.close();
    registry.close();
  }
}
