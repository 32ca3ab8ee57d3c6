package io.guardstream.deploy;

import io.guardstream.app.GuardstreamApp;
import io.guardstream.app.admin.TopicCatalog;
import io.guardstream.app.config.AppConfig;
import io.guardstream.embedded.ApicurioDistribution;
import io.guardstream.embedded.EmbeddedKafka;
import io.guardstream.embedded.EmbeddedRegistry;
import io.guardstream.embedded.Ports;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The local stack: a KRaft broker in this JVM, the schema registry as a child process, the topics,
 * and the guardstream app, all on 127.0.0.1 with their data under one directory. Closing it stops
 * everything in reverse order.
 */
public final class LocalStack implements AutoCloseable {

  /** Where the stack keeps its data and which ports it uses. */
  public record Settings(Path dataDir, int kafkaPort, int controllerPort, int registryPort, int httpPort,
      int partitions, Map<String, String> appOverrides) {}

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final String bootstrapServers;
  private final String registryUrl;
  private final GuardstreamApp app;
  private final AppConfig config;

  private LocalStack(String bootstrapServers, String registryUrl, GuardstreamApp app, AppConfig config,
      Deque<AutoCloseable> started) {
    this.bootstrapServers = bootstrapServers;
    this.registryUrl = registryUrl;
    this.app = app;
    this.config = config;
    this.started.addAll(started);
  }

  /** Starts everything; on failure stops what already started and rethrows. */
  public static LocalStack start(Settings s, PrintStream progress) throws InterruptedException {
    Ports.requireFree(s.kafkaPort(), "Kafka broker, --kafka-port");
    Ports.requireFree(s.controllerPort(), "Kafka controller, --controller-port");
    Ports.requireFree(s.registryPort(), "schema registry, --registry-port");
    Ports.requireFree(s.httpPort(), "guardstream HTTP, --http-port");
    Deque<AutoCloseable> started = new ArrayDeque<>();
    try {
      progress.println("starting schema registry and Kafka broker (data in " + s.dataDir().toAbsolutePath() + ")...");
      // The registry is a separate JVM: start it while the broker starts here.
      CompletableFuture<EmbeddedRegistry> registry = CompletableFuture.supplyAsync(() ->
          EmbeddedRegistry.start(s.dataDir().resolve("registry"), s.registryPort(), ApicurioDistribution.defaultCacheDir()));
      EmbeddedKafka kafka;
      try {
        kafka = EmbeddedKafka.start(s.dataDir().resolve("kafka"), s.kafkaPort(), s.controllerPort(), Map.of());
      } catch (RuntimeException e) {
        registry.thenAccept(EmbeddedRegistry::close);
        throw e;
      }
      started.push(kafka);
      EmbeddedRegistry reg;
      try {
        reg = registry.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
      started.push(reg);

      Map<String, String> props = new HashMap<>();
      props.put(AppConfig.BOOTSTRAP_SERVERS.key(), kafka.bootstrapServers());
      props.put(AppConfig.SCHEMA_REGISTRY_URL.key(), reg.url());
      props.put(AppConfig.HTTP_HOST.key(), "127.0.0.1");
      props.put(AppConfig.HTTP_PORT.key(), String.valueOf(s.httpPort()));
      props.put(AppConfig.STATE_DIR.key(), s.dataDir().resolve("streams").toString());
      props.putAll(s.appOverrides());
      // Environment variables still override, as for the standalone app.
      AppConfig config = AppConfig.load(props, System.getenv());

      try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
        TopicCatalog.of(config, s.partitions()).ensure(admin, (short) 1);
      }
      progress.println("starting guardstream...");
      GuardstreamApp app = GuardstreamApp.start(config);
      started.push(app);
      if (!app.awaitRunning(Duration.ofSeconds(60))) {
        throw new IllegalStateException("guardstream did not reach RUNNING within 60 s (state "
            + app.streams().state() + ")");
      }
      return new LocalStack(kafka.bootstrapServers(), reg.url(), app, config, started);
    } catch (RuntimeException | InterruptedException e) {
      closeAll(started);
      throw e;
    }
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public String registryUrl() {
    return registryUrl;
  }

  public GuardstreamApp app() {
    return app;
  }

  public AppConfig config() {
    return config;
  }

  /** The endpoints, one per line as key=value, for people and scripts. */
  public void printEndpoints(PrintStream out) {
    String http = "http://127.0.0.1:" + app.httpPort();
    out.println("bootstrap.servers=" + bootstrapServers);
    out.println("schema.registry.url=" + registryUrl);
    out.println("health.url=" + http + "/health/ready");
    out.println("metrics.url=" + http + "/metrics");
  }

  @Override
  public void close() {
    closeAll(started);
  }

  private static void closeAll(Deque<AutoCloseable> started) {
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        System.err.println("error while stopping: " + e);
      }
    }
  }
}
