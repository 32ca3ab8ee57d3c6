package io.guardstream.app.cli;

import io.guardstream.app.config.AppConfig;
import io.guardstream.registry.RegistryClientConfig;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where a client command connects. Defaults: the GUARDSTREAM_* environment variables, else the
 * local stack ({@code ./guardstream local}). Kafka client settings pass through GUARDSTREAM_KAFKA_*.
 */
final class ClusterOptions {
  static final String LOCAL_BOOTSTRAP = "127.0.0.1:9092";
  static final String LOCAL_REGISTRY = "http://127.0.0.1:8081/apis/ccompat/v7";

  @Option(names = "--bootstrap-servers", description = "Kafka bootstrap servers (default: $GUARDSTREAM_BOOTSTRAP_SERVERS, else "
      + LOCAL_BOOTSTRAP + ").")
  String bootstrapServers;

  @Option(names = "--schema-registry-url", description = "Schema registry URL (default: $GUARDSTREAM_SCHEMA_REGISTRY_URL, else "
      + LOCAL_REGISTRY + ").")
  String registryUrl;

  String bootstrapServers() {
    return firstSet(bootstrapServers, System.getenv(AppConfig.BOOTSTRAP_SERVERS.envName()), LOCAL_BOOTSTRAP);
  }

  String registryUrl() {
    return firstSet(registryUrl, System.getenv(AppConfig.SCHEMA_REGISTRY_URL.envName()), LOCAL_REGISTRY);
  }

  /** Client properties: bootstrap servers, registry URL, and pass-through Kafka settings. */
  Map<String, Object> clientConfig() {
    Map<String, Object> config = new HashMap<>();
    System.getenv().forEach((k, v) -> {
      if (k.startsWith("GUARDSTREAM_KAFKA_")) {
        config.put(k.substring("GUARDSTREAM_KAFKA_".length()).toLowerCase(java.util.Locale.ROOT).replace('_', '.'), v);
      } else if (k.startsWith("GUARDSTREAM_REGISTRY_")) {
        config.put(k.substring("GUARDSTREAM_REGISTRY_".length()).toLowerCase(java.util.Locale.ROOT).replace('_', '.'), v);
      }
    });
    config.put("bootstrap.servers", bootstrapServers());
    config.put(RegistryClientConfig.URL, registryUrl());
    return config;
  }

  private static String firstSet(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    throw new IllegalStateException("unreachable: the last value is a constant");
  }
}
