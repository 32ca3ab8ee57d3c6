package io.guardstream.app.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardstream.app.activity.ActivityTracker;
import io.guardstream.app.activity.UserBaselines;
import io.guardstream.app.topology.GuardTopology;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * {@code GET /users/{id}/risk?tenant=T}: the user's latest window scores and recent windows, from
 * whichever instance owns the user's partition. A request that lands elsewhere is forwarded once
 * to the owner (found through Kafka Streams' metadata and {@code application.server}).
 */
public final class UserRiskQuery implements HttpEndpoints.ApiRoute {
  public static final String PREFIX = "/users/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final KafkaStreams streams;
  private final ActivityTracker tracker;
  private final HostInfo self;
  private final String apiKey;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  public UserRiskQuery(KafkaStreams streams, ActivityTracker tracker, HostInfo self, String apiKey) {
    this.streams = streams;
    this.tracker = tracker;
    this.self = self;
    this.apiKey = apiKey;
  }

  @Override
  public HttpEndpoints.Response handle(String path, Map<String, String> query) throws IOException {
    if (!path.startsWith(PREFIX) || !path.endsWith("/risk")) {
      return error(404, "unknown path; use /users/{id}/risk?tenant=T");
    }
    String user = java.net.URLDecoder.decode(path.substring(PREFIX.length(), path.length() - "/risk".length()),
        StandardCharsets.UTF_8);
    String tenant = query.get("tenant");
    if (user.isEmpty() || tenant == null || tenant.isEmpty()) {
      return error(400, "need a user id in the path and a tenant query parameter");
    }
    String key = tenant + ":" + user;
    KeyQueryMetadata owner = streams.queryMetadataForKey(GuardTopology.USER_BASELINES_STORE, key, new StringSerializer());
    if (owner == null || owner == KeyQueryMetadata.NOT_AVAILABLE) {
      return error(503, "the store is not available yet (state " + streams.state() + "); retry shortly");
    }
    if (!owner.activeHost().equals(self)) {
      if (query.containsKey("forwarded")) {
        return error(503, "ownership moved during the request; retry");
      }
      return forward(owner.activeHost(), user, tenant);
    }
    try {
      ReadOnlyKeyValueStore<String, byte[]> store = streams.store(StoreQueryParameters.fromNameAndType(
          GuardTopology.USER_BASELINES_STORE, QueryableStoreTypes.<String, byte[]>keyValueStore()));
      byte[] bytes = store.get(key);
      if (bytes == null) {
        return error(404, "no scored window yet for user " + user + " of tenant " + tenant);
      }
      return HttpEndpoints.Response.json(200, JSON.writeValueAsString(render(tenant, user, tracker.decodeBaselines(bytes))));
    } catch (InvalidStateStoreException e) {
      return error(503, "the store is migrating (" + e.getMessage() + "); retry shortly");
    }
  }

  private ObjectNode render(String tenant, String user, UserBaselines activity) {
    ObjectNode root = JSON.createObjectNode();
    root.put("tenant", tenant);
    root.put("user", user);
    root.put("served_by", self.host() + ":" + self.port());
    ArrayNode windows = root.putArray("windows");
    for (int i = 0; i < activity.windowCount(); i++) {
      UserBaselines.Window w = activity.window(i);
      ObjectNode node = windows.addObject();
      node.put("window", Duration.ofMillis(w.sizeMs()).toString());
      node.put("alert_open", w.alertOpen());
      var recent = w.recent();
      if (!recent.isEmpty()) {
        UserBaselines.Summary last = recent.get(recent.size() - 1);
        node.put("score", last.score());
        node.put("baseline", last.baseline());
        node.put("explanation", last.explanation());
      }
      ArrayNode history = node.putArray("recent");
      for (UserBaselines.Summary s : recent) {
        ObjectNode h = history.addObject();
        h.put("start", Instant.ofEpochMilli(s.start()).toString());
        h.put("end", Instant.ofEpochMilli(s.end()).toString());
        h.put("score", s.score());
        h.put("baseline", s.baseline());
        h.put("explanation", s.explanation());
      }
    }
    return root;
  }

  private HttpEndpoints.Response forward(HostInfo owner, String user, String tenant) throws IOException {
    URI uri = URI.create("http://" + owner.host() + ":" + owner.port() + PREFIX
        + URLEncoder.encode(user, StandardCharsets.UTF_8) + "/risk?tenant=" + URLEncoder.encode(tenant, StandardCharsets.UTF_8)
        + "&forwarded=true");
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET();
    if (apiKey != null) {
      request.header(HttpEndpoints.API_KEY_HEADER, apiKey);
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return HttpEndpoints.Response.json(response.statusCode(), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return error(503, "interrupted while asking the owning instance");
    } catch (IOException e) {
      return error(502, "owning instance " + owner.host() + ":" + owner.port() + " did not answer: " + e.getMessage());
    }
  }

  private static HttpEndpoints.Response error(int status, String message) {
    ObjectNode node = JSON.createObjectNode();
    node.put("error", message);
    return HttpEndpoints.Response.json(status, node.toString());
  }
}
