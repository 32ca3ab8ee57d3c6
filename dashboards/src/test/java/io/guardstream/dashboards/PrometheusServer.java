package io.guardstream.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus (Debian's binary) on a free loopback port, scraping one target every second
 * with the given rule files, its data in a temporary directory. Closing stops the process.
 */
final class PrometheusServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Process process;
  private final String base;
  private final Path log;
  private final HttpClient http = HttpClient.newHttpClient();

  private PrometheusServer(Process process, int port, Path log) {
    this.process = process;
    this.base = "http://127.0.0.1:" + port;
    this.log = log;
  }

  /** Starts Prometheus scraping {@code target} (host:port) as job {@code job}; returns once it is ready. */
  static PrometheusServer start(Path dir, String job, String target, List<Path> ruleFiles) throws Exception {
    int port = freePort();
    StringBuilder config = new StringBuilder()
        .append("global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n")
        .append("rule_files:\n");
    for (Path rules : ruleFiles) {
      config.append("  - '").append(rules.toAbsolutePath()).append("'\n");
    }
    config.append("scrape_configs:\n  - job_name: '").append(job).append("'\n")
        .append("    static_configs:\n      - targets: ['").append(target).append("']\n");
    Path configFile = Files.writeString(dir.resolve("prometheus.yml"), config.toString());
    Path log = dir.resolve("prometheus.log");
    Process process = new ProcessBuilder(DebianPrometheus.PROMETHEUS.toString(),
        "--config.file=" + configFile,
        "--storage.tsdb.path=" + dir.resolve("data"),
        "--web.listen-address=127.0.0.1:" + port,
        "--log.level=warn")
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    PrometheusServer server = new PrometheusServer(process, port, log);
    try {
      server.awaitReady(Duration.ofSeconds(30));
    } catch (Exception e) {
      server.close();
      throw e;
    }
    return server;
  }

  private void awaitReady(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("prometheus exited with " + process.exitValue() + ":\n" + log());
      }
      try {
        if (get("/-/ready").statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("prometheus not ready within " + timeout + ":\n" + log());
  }

  /** Instant query at the current time: the API's whole JSON answer (status, data or error). */
  JsonNode query(String promql) throws Exception {
    return api("/api/v1/query?query=" + encode(promql));
  }

  /** Values of {@code label} on series matching {@code selector} (Grafana's label_values). */
  JsonNode labelValues(String label, String selector) throws Exception {
    String match = selector == null ? "" : "?match[]=" + encode(selector);
    return api("/api/v1/label/" + encode(label) + "/values" + match);
  }

  /** The alerting rules as Prometheus loaded and evaluates them, with health and state. */
  JsonNode rules() throws Exception {
    return api("/api/v1/rules?type=alert");
  }

  String log() throws IOException {
    return Files.exists(log) ? Files.readString(log) : "";
  }

  private JsonNode api(String pathAndQuery) throws Exception {
    HttpResponse<String> response = get(pathAndQuery);
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
