package io.guardstream.app.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's HTTP endpoints on the JDK's built-in server: {@code /health/live},
 * {@code /health/ready}, {@code /metrics} (Prometheus text) without authentication, and API
 * routes that require the {@code X-API-Key} header.
 */
public final class HttpEndpoints implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HttpEndpoints.class);
  public static final String API_KEY_HEADER = "X-API-Key";

  /** A response: status, content type, body. */
  public record Response(int status, String contentType, String body) {
    public static Response json(int status, String body) {
      return new Response(status, "application/json", body);
    }
  }

  /** Handles an authenticated API request: path (without query) and query parameters. */
  @FunctionalInterface
  public interface ApiRoute {
    Response handle(String path, Map<String, String> query) throws IOException;
  }

  /** Liveness and readiness, with a short description of the state. */
  public record Health(boolean live, boolean ready, String state) {}

  private final HttpServer server;
  private final ExecutorService executor;
  private final byte[] apiKey;

  private HttpEndpoints(HttpServer server, ExecutorService executor, byte[] apiKey) {
    this.server = server;
    this.executor = executor;
    this.apiKey = apiKey;
  }

  /**
   * Starts serving.
   *
   * @param apiKey key the API routes require; null makes them refuse every request
   */
  public static HttpEndpoints start(String host, int port, Supplier<Health> health, Supplier<String> metrics,
      String apiKey) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 64);
    server.createContext("/health/live", ex -> {
      Health h = health.get();
      send(ex, Response.json(h.live() ? 200 : 503, "{\"status\":\"" + (h.live() ? "UP" : "DOWN") + "\",\"state\":\"" + h.state() + "\"}"));
    });
    server.createContext("/health/ready", ex -> {
      Health h = health.get();
      send(ex, Response.json(h.ready() ? 200 : 503, "{\"status\":\"" + (h.ready() ? "UP" : "DOWN") + "\",\"state\":\"" + h.state() + "\"}"));
    });
    server.createContext("/metrics", ex -> send(ex,
        new Response(200, "text/plain; version=0.0.4; charset=utf-8", metrics.get())));
    ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "guardstream-http");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.start();
    return new HttpEndpoints(server, executor, apiKey == null ? null : apiKey.getBytes(StandardCharsets.UTF_8));
  }

  /** Serves an API route under {@code prefix}, behind the API key. */
  public void route(String prefix, ApiRoute route) {
    server.createContext(prefix, ex -> {
      try {
        if (!"GET".equals(ex.getRequestMethod())) {
          send(ex, Response.json(405, "{\"error\":\"method not allowed\"}"));
          return;
        }
        String given = ex.getRequestHeaders().getFirst(API_KEY_HEADER);
        if (apiKey == null || given == null
            || !MessageDigest.isEqual(apiKey, given.getBytes(StandardCharsets.UTF_8))) {
          send(ex, Response.json(401, "{\"error\":\"missing or wrong " + API_KEY_HEADER + " header\"}"));
          return;
        }
        send(ex, route.handle(ex.getRequestURI().getPath(), query(ex.getRequestURI().getRawQuery())));
      } catch (RuntimeException | IOException e) {
        log.warn("request {} failed", ex.getRequestURI(), e);
        send(ex, Response.json(500, "{\"error\":\"internal error\"}"));
      }
    });
  }

  public int port() {
    return server.getAddress().getPort();
  }

  static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(java.net.URLDecoder.decode(k, StandardCharsets.UTF_8), java.net.URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return out;
  }

  private static void send(HttpExchange ex, Response r) throws IOException {
    byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", r.contentType());
    ex.sendResponseHeaders(r.status(), body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
