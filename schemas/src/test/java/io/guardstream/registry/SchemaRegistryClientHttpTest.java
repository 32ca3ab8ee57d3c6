package io.guardstream.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Failure modes and caching of the registry client against a local HTTP server: answers a real
 * registry does not give on demand (5xx, 401, slow answers, several URLs).
 */
@Timeout(30)
class SchemaRegistryClientHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Schema SCHEMA = new Schema.Parser().parse(
      "{\"type\":\"record\",\"name\":\"Probe\",\"namespace\":\"test\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}");
  private static final Schema OTHER = new Schema.Parser().parse(
      "{\"type\":\"record\",\"name\":\"Other\",\"namespace\":\"test\",\"fields\":[{\"name\":\"b\",\"type\":\"string\"}]}");

  @Test
  void serverErrorIsRetriableUnavailabilityNamingUrlAndRegistryMessage() {
    try (LocalHttpServer server = LocalHttpServer.http(r -> LocalHttpServer.Answer.json(500,
        "{\"error_code\":50001,\"message\":\"Error in the backend data store\"}"))) {
      SchemaRegistryClient client = client(server.url());
      assertThatThrownBy(() -> client.schemaById(1))
          .isInstanceOf(SerializationException.class)
          .isInstanceOfSatisfying(SchemaRegistryUnavailableException.class, e -> {
            assertThat(e.isRetriable()).isTrue();
            assertThat(e.httpStatus()).isEqualTo(500);
            assertThat(e.errorCode()).isEqualTo(50001);
            assertThat(e.registryMessage()).isEqualTo("Error in the backend data store");
            assertThat(e.getMessage()).contains(server.url() + "/schemas/ids/1", "HTTP 500", "50001",
                "Error in the backend data store");
          });
    }
  }

  @Test
  void refusedConnectionIsUnavailabilityNamingUrl() throws Exception {
    String url = "http://127.0.0.1:" + closedPort();
    SchemaRegistryClient client = client(url);
    assertThatThrownBy(() -> client.register("t-value", SCHEMA))
        .isInstanceOfSatisfying(SchemaRegistryUnavailableException.class, e -> {
          assertThat(e.isRetriable()).isTrue();
          assertThat(e.httpStatus()).isEqualTo(SchemaRegistryException.NONE);
          assertThat(e.getMessage()).contains(url + "/subjects/t-value/versions", "unreachable");
        });
  }

  @Test
  void slowAnswerTimesOut() {
    try (LocalHttpServer server = LocalHttpServer.http(r -> new LocalHttpServer.Answer(200, idAnswer(1), 3_000))) {
      Map<String, Object> config = config(server.url());
      config.put(RegistryClientConfig.REQUEST_TIMEOUT_MS, 200);
      SchemaRegistryClient client = SchemaRegistryClient.create(config);
      assertThatThrownBy(() -> client.register("t-value", SCHEMA))
          .isInstanceOf(SchemaRegistryUnavailableException.class)
          .hasMessageContaining(server.url())
          .hasMessageContaining("timed out");
    }
  }

  @Test
  void failsOverToTheNextUrlAndStaysThere() throws Exception {
    try (LocalHttpServer down = LocalHttpServer.http(r -> LocalHttpServer.Answer.json(503, ""));
        LocalHttpServer up = LocalHttpServer.http(r -> LocalHttpServer.Answer.json(200, schemaAnswer()))) {
      String refused = "http://127.0.0.1:" + closedPort();
      SchemaRegistryClient client = client(refused + ", " + down.url() + "," + up.url());
      assertThat(client.schemaById(1)).isEqualTo(SCHEMA);
      assertThat(client.schemaById(2)).isEqualTo(SCHEMA);
      assertThat(down.requests()).hasSize(1);
      assertThat(up.requests()).extracting(LocalHttpServer.Request::path)
          .containsExactly("/schemas/ids/1", "/schemas/ids/2");
    }
  }

  @Test
  void everyUrlFailingIsReportedUrlByUrl() throws Exception {
    try (LocalHttpServer down = LocalHttpServer.http(r -> LocalHttpServer.Answer.json(502, "<html>Bad Gateway</html>"))) {
      String refused = "http://127.0.0.1:" + closedPort();
      SchemaRegistryClient client = client(refused + "," + down.url());
      assertThatThrownBy(() -> client.schemaById(3))
          .isInstanceOf(SchemaRegistryUnavailableException.class)
          .hasMessageContaining(refused + "/schemas/ids/3 unreachable")
          .hasMessageContaining(down.url() + "/schemas/ids/3 answered HTTP 502: <html>Bad Gateway</html>");
    }
  }

  @Test
  void rejectedCredentialsAreNotRetriableAndPointAtTheSettings() {
    try (LocalHttpServer server = LocalHttpServer.http(r -> LocalHttpServer.Answer.json(401,
        "{\"error_code\":40101,\"message\":\"Unauthorized\"}"))) {
      SchemaRegistryClient client = client(server.url());
      assertThatThrownBy(() -> client.schemaById(1))
          .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
            assertThat(e).isNotInstanceOf(SchemaRegistryUnavailableException.class);
            assertThat(e.isRetriable()).isFalse();
            assertThat(e.httpStatus()).isEqualTo(401);
            assertThat(e.errorCode()).isEqualTo(40101);
            assertThat(e.getMessage()).contains("Unauthorized", "basic.auth.user.info");
          });
    }
  }

  @Test
  void userInfoCredentialsAreSentButNeverPrinted() {
    String expected = "Basic " + Base64.getEncoder().encodeToString("alice:s3cret-pw".getBytes(StandardCharsets.UTF_8));
    try (LocalHttpServer server = LocalHttpServer.http(r -> expected.equals(r.authorization())
        ? LocalHttpServer.Answer.json(200, schemaAnswer())
        : LocalHttpServer.Answer.json(500, "{\"message\":\"wrong credentials\"}"))) {
      Map<String, Object> config = config(server.url());
      config.put(RegistryClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO");
      config.put(RegistryClientConfig.BASIC_AUTH_USER_INFO, "alice:s3cret-pw");
      SchemaRegistryClient client = SchemaRegistryClient.create(config);
      assertThat(client.schemaById(1)).isEqualTo(SCHEMA);
      assertThat(server.requests()).extracting(LocalHttpServer.Request::authorization).containsExactly(expected);
    }
  }

  @Test
  void urlCredentialsAreSentButNeverPrinted() throws Exception {
    String expected = "Basic " + Base64.getEncoder().encodeToString("bob:p@ss".getBytes(StandardCharsets.UTF_8));
    try (LocalHttpServer server = LocalHttpServer.http(r -> LocalHttpServer.Answer.json(500, "{\"message\":\"boom\"}"))) {
      String withCredentials = server.url().replace("http://", "http://bob:p%40ss@");
      SchemaRegistryClient client = client(withCredentials);
      assertThat(client.urls()).extracting(Object::toString).containsExactly(server.url());
      assertThatThrownBy(() -> client.schemaById(1))
          .isInstanceOf(SchemaRegistryUnavailableException.class)
          .hasMessageNotContaining("p@ss")
          .hasMessageNotContaining("p%40ss")
          .hasMessageNotContaining("bob");
      assertThat(server.requests()).extracting(LocalHttpServer.Request::authorization).containsExactly(expected);
    }
  }

  @Test
  void idsAreCachedBothWays() {
    try (LocalHttpServer server = LocalHttpServer.http(r -> r.path().startsWith("/schemas/ids/")
        ? LocalHttpServer.Answer.json(200, schemaAnswer())
        : LocalHttpServer.Answer.json(200, idAnswer(7)))) {
      SchemaRegistryClient client = client(server.url());
      assertThat(client.register("t-value", SCHEMA)).isEqualTo(7);
      assertThat(client.register("t-value", SCHEMA)).isEqualTo(7);
      // Registered: its id is known under the subject, and its schema by id.
      assertThat(client.lookupId("t-value", SCHEMA)).isEqualTo(7);
      assertThat(client.schemaById(7)).isEqualTo(SCHEMA);
      // Another subject needs its own registration.
      assertThat(client.register("u-value", SCHEMA)).isEqualTo(7);
      assertThat(client.schemaById(8)).isEqualTo(SCHEMA);
      assertThat(client.schemaById(8)).isEqualTo(SCHEMA);
      assertThat(server.requests()).extracting(r -> r.method() + " " + r.path()).containsExactly(
          "POST /subjects/t-value/versions", "POST /subjects/u-value/versions", "GET /schemas/ids/8");
    }
  }

  @Test
  void cachesAreBounded() {
    try (LocalHttpServer server = LocalHttpServer.http(r -> LocalHttpServer.Answer.json(200, schemaAnswer()))) {
      Map<String, Object> config = config(server.url());
      config.put(RegistryClientConfig.CACHE_CAPACITY, 2);
      SchemaRegistryClient client = SchemaRegistryClient.create(config);
      client.schemaById(1);
      client.schemaById(2);
      client.schemaById(1);
      client.schemaById(3); // evicts 2, the least recently used
      client.schemaById(1);
      client.schemaById(2);
      assertThat(server.requests()).extracting(LocalHttpServer.Request::path).containsExactly(
          "/schemas/ids/1", "/schemas/ids/2", "/schemas/ids/3", "/schemas/ids/2");
    }
  }

  @Test
  void subjectsAreEncodedInPaths() {
    try (LocalHttpServer server = LocalHttpServer.http(r -> LocalHttpServer.Answer.json(200, idAnswer(1)))) {
      client(server.url() + "/apis/ccompat/v7/").register("odd subject/ä-value", OTHER);
      assertThat(server.requests()).extracting(LocalHttpServer.Request::path)
          .containsExactly("/apis/ccompat/v7/subjects/odd%20subject%2F%C3%A4-value/versions");
    }
  }

  @Test
  void nonAvroSchemaIsRefusedByName() {
    try (LocalHttpServer server = LocalHttpServer.http(r -> LocalHttpServer.Answer.json(200,
        "{\"schema\":\"syntax = \\\"proto3\\\";\",\"schemaType\":\"PROTOBUF\"}"))) {
      assertThatThrownBy(() -> client(server.url()).schemaById(4))
          .isInstanceOf(SchemaRegistryException.class)
          .hasMessageContaining("schema id 4 is a PROTOBUF schema, not Avro");
    }
  }

  private static SchemaRegistryClient client(String url) {
    return SchemaRegistryClient.create(config(url));
  }

  private static Map<String, Object> config(String url) {
    Map<String, Object> config = new HashMap<>();
    config.put(RegistryClientConfig.URL, url);
    return config;
  }

  private static String idAnswer(int id) {
    return "{\"id\":" + id + "}";
  }

  private static String schemaAnswer() {
    return JSON.createObjectNode().put("schema", SCHEMA.toString()).toString();
  }

  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
