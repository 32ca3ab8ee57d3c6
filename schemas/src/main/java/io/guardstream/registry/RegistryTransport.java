package io.guardstream.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.apache.kafka.common.errors.InterruptException;

/**
 * HTTP exchange with the registry: JSON in and out, credentials, fail-over across the configured
 * URLs. A URL that refuses, times out or answers 5xx is skipped for the next one; the first other
 * answer is returned for the caller to interpret.
 */
final class RegistryTransport {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final String ACCEPT =
      "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";

  /** An answer other than 5xx: status, parsed body (missing node when empty or not JSON), URL. */
  record Response(int status, JsonNode body, String url) {
    boolean ok() {
      return status >= 200 && status < 300;
    }

    /** The registry's error_code, or {@link SchemaRegistryException#NONE}. */
    int errorCode() {
      return body.path("error_code").asInt(SchemaRegistryException.NONE);
    }

    /** The registry's message, or null. */
    String message() {
      JsonNode message = body.get("message");
      return message == null || message.isNull() ? null : message.asText();
    }
  }

  private final RegistryClientConfig config;
  private final SSLContext tls;
  private volatile HttpClient http;
  /** Index of the endpoint that answered last; requests start there. */
  private volatile int preferred;

  /** Loads the TLS stores now, so a bad store is reported at configuration time. */
  RegistryTransport(RegistryClientConfig config) {
    this.config = config;
    this.tls = RegistryTls.context(config);
  }

  Response get(String path) {
    return send("GET", path, null);
  }

  Response post(String path, JsonNode body) {
    return send("POST", path, body);
  }

  Response put(String path, JsonNode body) {
    return send("PUT", path, body);
  }

  private Response send(String method, String path, JsonNode body) {
    List<RegistryClientConfig.Endpoint> endpoints = config.endpoints();
    List<String> failures = new ArrayList<>(endpoints.size());
    int lastStatus = SchemaRegistryException.NONE;
    int lastCode = SchemaRegistryException.NONE;
    String lastMessage = null;
    int start = preferred;
    for (int i = 0; i < endpoints.size(); i++) {
      int index = (start + i) % endpoints.size();
      RegistryClientConfig.Endpoint endpoint = endpoints.get(index);
      String url = endpoint.base() + path;
      try {
        HttpResponse<String> answer = client().send(request(method, url, endpoint, body),
            HttpResponse.BodyHandlers.ofString());
        Response response = new Response(answer.statusCode(), parse(answer.body()), url);
        if (response.status() < 500) {
          preferred = index;
          return response;
        }
        lastStatus = response.status();
        lastCode = response.errorCode();
        lastMessage = response.message();
        failures.add(url + " answered HTTP " + lastStatus
            + (lastCode != SchemaRegistryException.NONE ? " (error code " + lastCode + ")" : "")
            + (lastMessage != null ? ": " + lastMessage : ""));
      } catch (HttpTimeoutException e) {
        failures.add(url + " timed out (" + e.getMessage() + ")");
      } catch (IOException e) {
        SSLException tlsFailure = tlsCause(e);
        if (tlsFailure != null) {
          // A certificate problem will not go away by retrying or by asking another URL.
          throw new SchemaRegistryException("TLS connection to schema registry " + url + " failed: " + tlsFailure.getMessage()
              + "; check the schema.registry.ssl.* settings", e);
        }
        failures.add(url + " unreachable (" + describe(e) + ")");
      } catch (InterruptedException e) {
        throw new InterruptException("interrupted while calling schema registry " + url, e);
      }
    }
    // The status, code and message are those of the last 5xx answer, if any URL gave one.
    throw new SchemaRegistryUnavailableException("schema registry unavailable: " + String.join("; ", failures),
        lastStatus, lastCode, lastMessage);
  }

  private HttpRequest request(String method, String url, RegistryClientConfig.Endpoint endpoint, JsonNode body) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
        .timeout(config.requestTimeout())
        .header("Accept", ACCEPT);
    if (endpoint.authorization() != null) {
      builder.header("Authorization", endpoint.authorization());
    }
    if (body == null) {
      return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
    }
    try {
      return builder.header("Content-Type", CONTENT_TYPE)
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
          .build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write request body", e);
    }
  }

  /** Created on first use: a client that never needs the registry starts no HTTP threads. */
  private HttpClient client() {
    HttpClient client = http;
    if (client == null) {
      synchronized (this) {
        client = http;
        if (client == null) {
          HttpClient.Builder builder = HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .followRedirects(HttpClient.Redirect.NEVER)
              .connectTimeout(config.connectTimeout());
          if (tls != null) {
            builder.sslContext(tls);
          }
          client = builder.build();
          http = client;
        }
      }
    }
    return client;
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      // Proxies and load balancers answer errors in HTML or plain text; keep the text.
      return JSON.createObjectNode().put("message", body.length() > 500 ? body.substring(0, 500) + "..." : body);
    }
  }

  private static SSLException tlsCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SSLException ssl) {
        return ssl;
      }
    }
    return null;
  }

  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message != null ? ": " + message : "");
  }
}
