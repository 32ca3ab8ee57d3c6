package io.guardstream.deploy;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options shared by {@code demo} and {@code local}: where data lives and which ports to use. */
final class StackOptions {
  @Option(names = "--data-dir", description = "Directory for broker, registry and state data "
      + "(default: $GUARDSTREAM_DATA_DIR, else .guardstream in the project directory).")
  Path dataDir;

  @Option(names = "--kafka-port", defaultValue = "9092", description = "Kafka broker port (default: ${DEFAULT-VALUE}).")
  int kafkaPort;

  @Option(names = "--controller-port", defaultValue = "9093", description = "KRaft controller port (default: ${DEFAULT-VALUE}).")
  int controllerPort;

  @Option(names = "--registry-port", defaultValue = "8081", description = "Schema registry port (default: ${DEFAULT-VALUE}).")
  int registryPort;

  @Option(names = "--http-port", defaultValue = "8080", description = "guardstream HTTP port: health, metrics, queries (default: ${DEFAULT-VALUE}).")
  int httpPort;

  @Option(names = "--partitions", defaultValue = "3", description = "Partitions of the event, audit and risk topics (default: ${DEFAULT-VALUE}).")
  int partitions;

  LocalStack.Settings settings(Map<String, String> appOverrides) {
    return new LocalStack.Settings(resolveDataDir(), kafkaPort, controllerPort, registryPort, httpPort, partitions,
        appOverrides);
  }

  private Path resolveDataDir() {
    if (dataDir != null) {
      return dataDir;
    }
    String env = System.getenv("GUARDSTREAM_DATA_DIR");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    String home = System.getenv("GUARDSTREAM_HOME");
    return home != null && !home.isBlank() ? Path.of(home, ".guardstream") : Path.of(".guardstream");
  }
}
