package io.guardstream.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A broker and a registry started together; {@link #shared()} gives tests one per JVM. */
public final class EmbeddedStack implements AutoCloseable {
  private static EmbeddedStack shared;

  private final EmbeddedKafka kafka;
  private final EmbeddedRegistry registry;

  public EmbeddedStack(EmbeddedKafka kafka, EmbeddedRegistry registry) {
    this.kafka = kafka;
    this.registry = registry;
  }

  /**
   * One broker and one registry on free ports for every test of this JVM, started on first use
   * (about 10 s) and stopped when the JVM exits. Tests isolate themselves by topic names.
   */
  public static synchronized EmbeddedStack shared() {
    if (shared == null) {
      try {
        Path dir = Files.createTempDirectory("guardstream-it-");
        EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, 0, Map.of());
        EmbeddedRegistry registry;
        try {
          registry = EmbeddedRegistry.start(dir.resolve("registry"), 0, ApicurioDistribution.defaultCacheDir());
        } catch (RuntimeException e) {
          kafka.close();
          throw e;
        }
        EmbeddedStack stack = new EmbeddedStack(kafka, registry);
        shared = stack;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          stack.close();
          deleteRecursively(dir);
        }, "embedded-stack-shutdown"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return shared;
  }

  private static void deleteRecursively(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: a temporary directory
    }
  }

  public String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  public String registryUrl() {
    return registry.url();
  }

  public EmbeddedKafka kafka() {
    return kafka;
  }

  public EmbeddedRegistry registry() {
    return registry;
  }

  @Override
  public void close() {
    try {
      registry.close();
    } finally {
      kafka.close();
    }
  }
}
