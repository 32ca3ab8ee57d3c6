package io.guardstream.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** One Grafana dashboard file: its panels (rows flattened), their PromQL queries and its variables. */
record Dashboard(Path file, JsonNode json) {
  static final Path DIR = Path.of("grafana");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A query of a panel: where it is (for messages) and its PromQL as written, variables unresolved. */
  record Query(String dashboard, String panel, String refId, String expr) {
    String where() {
      return "dashboard '" + dashboard + "', panel '" + panel + "' (query " + refId + ")";
    }
  }

  /** Every dashboard in {@link #DIR}. */
  static List<Dashboard> all() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      List<Dashboard> out = new ArrayList<>();
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        out.add(new Dashboard(f, JSON.readTree(f.toFile())));
      }
      return out;
    }
  }

  String title() {
    return json.path("title").asText();
  }

  /** Panels including those nested in collapsed rows, rows themselves included. */
  List<JsonNode> panels() {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode p : json.path("panels")) {
      out.add(p);
      p.path("panels").forEach(out::add);
    }
    return out;
  }

  List<Query> queries() {
    List<Query> out = new ArrayList<>();
    for (JsonNode p : panels()) {
      for (JsonNode t : p.path("targets")) {
        out.add(new Query(title(), p.path("title").asText(), t.path("refId").asText(), t.path("expr").asText()));
      }
    }
    return out;
  }

  List<JsonNode> variables() {
    List<JsonNode> out = new ArrayList<>();
    json.path("templating").path("list").forEach(out::add);
    return out;
  }
}
