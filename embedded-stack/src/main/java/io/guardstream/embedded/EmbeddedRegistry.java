package io.guardstream.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Apicurio Registry as a child process bound to 127.0.0.1, serving the Confluent schema registry
 * API at {@link #url()}. Its H2 database lives in the data directory, so schema ids survive
 * restarts (they are stored inside the topics' records). Global compatibility is BACKWARD.
 *
 * <p>The child runs under a tiny shell watchdog that kills it when this JVM's end of its stdin
 * pipe closes, so even a JVM killed without shutdown hooks leaves no registry behind.
 */
public final class EmbeddedRegistry implements AutoCloseable {
  /** Path of the Confluent-compatible API under the registry's root. */
  public static final String CCOMPAT_PATH = "/apis/ccompat/v7";

  private final Process watchdog;
  private final String url;
  private final Path log;

  private EmbeddedRegistry(Process watchdog, String url, Path log) {
    this.watchdog = watchdog;
    this.url = url;
    this.log = log;
  }

  /**
   * Starts the registry and returns once its API answers.
   *
   * @param dataDir directory for its database and log (created if missing)
   * @param port HTTP port on 127.0.0.1, 0 for any free port
   * @param cacheDir where the distribution is cached (see {@link ApicurioDistribution})
   */
  public static EmbeddedRegistry start(Path dataDir, int port, Path cacheDir) {
    Objects.requireNonNull(dataDir, "dataDir");
    int httpPort = port == 0 ? Ports.freePort() : port;
    Ports.requireFree(httpPort, "schema registry port");
    Path runner = ApicurioDistribution.runnerJar(cacheDir);
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create registry data directory " + dataDir, e);
    }
    Path log = dataDir.resolve("registry.log");
    List<String> java = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-Dquarkus.http.host=127.0.0.1",
        "-Dquarkus.http.port=" + httpPort,
        "-Dquarkus.management.enabled=false",
        "-Dquarkus.log.level=WARN",
        "-Dapicurio.datasource.url=jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("registry-db") + ";DB_CLOSE_ON_EXIT=FALSE",
        "-Dapicurio.rules.global.compatibility=BACKWARD",
        "-jar", runner.toString()));
    // Watchdog: start the registry, wait until our stdin closes (we closed it or died), stop it.
    String script = quote(java) + " >> " + shellQuote(log.toString()) + " 2>&1 & child=$!; "
        + "trap 'kill $child 2>/dev/null; wait $child' EXIT; trap 'exit 143' TERM INT HUP; "
        + "while read -r _; do :; done; ";
    Process watchdog;
    try {
      watchdog = new ProcessBuilder("sh", "-c", script)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the schema registry process", e);
    }
    EmbeddedRegistry registry = new EmbeddedRegistry(watchdog, "http://127.0.0.1:" + httpPort, log);
    registry.awaitReady();
    return registry;
  }

  /** A registry on a free port with a fresh temporary data directory (tests). */
  public static EmbeddedRegistry startTemporary() {
    try {
      return start(Files.createTempDirectory("guardstream-registry-"), 0, ApicurioDistribution.defaultCacheDir());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitReady() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest probe = HttpRequest.newBuilder(URI.create(url() + "/subjects"))
        .timeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      if (!watchdog.isAlive()) {
        throw new IllegalStateException("schema registry exited during start-up; log " + log + ":\n" + tail());
      }
      try {
        if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        close();
        throw new IllegalStateException("interrupted while waiting for the schema registry", e);
      }
      sleep(200);
    }
    close();
    throw new IllegalStateException("schema registry not ready within 90 s; log " + log + ":\n" + tail());
  }

  private String tail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }

  /** Base URL of the Confluent-compatible API, for schema.registry.url. */
  public String url() {
    return root() + CCOMPAT_PATH;
  }

  /** Root URL of the registry (its UI and native API live under it). */
  public String root() {
    return url;
  }

  @Override
  public void close() {
    if (!watchdog.isAlive()) {
      return;
    }
    try {
      watchdog.getOutputStream().close();
      if (!watchdog.waitFor(30, TimeUnit.SECONDS)) {
        watchdog.descendants().forEach(ProcessHandle::destroyForcibly);
        watchdog.destroyForcibly();
      }
    } catch (IOException e) {
      watchdog.descendants().forEach(ProcessHandle::destroyForcibly);
      watchdog.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      watchdog.descendants().forEach(ProcessHandle::destroyForcibly);
      watchdog.destroyForcibly();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static String quote(List<String> args) {
    StringBuilder sb = new StringBuilder();
    for (String arg : args) {
      sb.append(shellQuote(arg)).append(' ');
    }
    return sb.toString();
  }

  private static String shellQuote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
