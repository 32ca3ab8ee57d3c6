package io.guardstream.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * A plain HTTP(S) server on 127.0.0.1 for the failure modes a real registry cannot easily be made
 * to show (5xx, authentication, slow answers). Every request is recorded; answers come from the
 * test's handler.
 */
final class LocalHttpServer implements AutoCloseable {
  /** One received request. */
  record Request(String method, String path, String authorization, String body) {}

  /** One answer. */
  record Answer(int status, String body, long delayMillis) {
    static Answer json(int status, String body) {
      return new Answer(status, body, 0);
    }
  }

  interface Handler {
    Answer answer(Request request);
  }

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  private LocalHttpServer(HttpServer server, Handler handler) {
    this.server = server;
    server.createContext("/", exchange -> handle(exchange, handler));
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  static LocalHttpServer http(Handler handler) {
    try {
      return new LocalHttpServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0), handler);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An HTTPS server with the given context; {@code needClientAuth} demands a client certificate. */
  static LocalHttpServer https(SSLContext context, boolean needClientAuth, Handler handler) {
    try {
      HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.setHttpsConfigurator(new HttpsConfigurator(context) {
        @Override
        public void configure(HttpsParameters params) {
          params.setNeedClientAuth(needClientAuth);
        }
      });
      return new LocalHttpServer(server, handler);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Base URL, e.g. http://127.0.0.1:PORT/apis/ccompat/v7 with {@code path} = "/apis/ccompat/v7". */
  String url(String scheme, String path) {
    return scheme + "://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  String url() {
    return url("http", "");
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange, Handler handler) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
        exchange.getRequestHeaders().getFirst("Authorization"), body);
    requests.add(request);
    Answer answer = handler.answer(request);
    if (answer.delayMillis() > 0) {
      try {
        Thread.sleep(answer.delayMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
    exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
