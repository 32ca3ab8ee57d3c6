package io.guardstream.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Static checks of the dashboard files: current schema, datasource as a variable, well-formed panels. */
class DashboardJsonTest {
  /** Grafana 12's classic dashboard schema. */
  private static final int SCHEMA_VERSION = 42;

  @Test
  void thereAreTheOperationsAndSecurityDashboards() throws Exception {
    assertThat(Dashboard.all()).extracting(d -> d.json().path("uid").asText())
        .containsExactly("guardstream-operations", "guardstream-security");
  }

  @Test
  void dashboardsUseTheCurrentSchemaAndAPrometheusDatasourceVariable() throws Exception {
    for (Dashboard d : Dashboard.all()) {
      assertThat(d.json().path("schemaVersion").asInt()).as("%s schemaVersion", d.file()).isEqualTo(SCHEMA_VERSION);
      assertThat(d.variables()).as("%s variables", d.file())
          .anySatisfy(v -> {
            assertThat(v.path("name").asText()).isEqualTo("datasource");
            assertThat(v.path("type").asText()).isEqualTo("datasource");
            assertThat(v.path("query").asText()).isEqualTo("prometheus");
          });
    }
  }

  @Test
  void everyDatasourceReferenceIsTheVariableNeverAHardCodedUid() throws Exception {
    List<String> hardCoded = new ArrayList<>();
    for (Dashboard d : Dashboard.all()) {
      collectDatasources(d.json(), d.file().toString(), hardCoded);
    }
    assertThat(hardCoded).isEmpty();
  }

  private static void collectDatasources(JsonNode node, String where, List<String> hardCoded) {
    if (node.isObject()) {
      JsonNode ds = node.get("datasource");
      if (ds != null && ds.isObject()) {
        String uid = ds.path("uid").asText();
        boolean builtInAnnotations = "grafana".equals(ds.path("type").asText()) && "-- Grafana --".equals(uid);
        if (!builtInAnnotations && !"${datasource}".equals(uid)) {
          hardCoded.add(where + " " + node.path("title").asText(node.path("name").asText()) + ": " + ds);
        }
      } else if (ds != null && !ds.isNull()) {
        hardCoded.add(where + ": datasource given by name " + ds);
      }
      node.fields().forEachRemaining(e -> collectDatasources(e.getValue(), where, hardCoded));
    } else if (node.isArray()) {
      node.forEach(child -> collectDatasources(child, where, hardCoded));
    }
  }

  @Test
  void panelsHaveUniqueIdsAndTitlesAQueryAndFitTheGrid() throws Exception {
    for (Dashboard d : Dashboard.all()) {
      Set<Integer> ids = new HashSet<>();
      Set<String> titles = new HashSet<>();
      for (JsonNode p : d.panels()) {
        String title = p.path("title").asText();
        assertThat(ids.add(p.path("id").asInt())).as("%s: panel id %s unique", d.title(), p.path("id")).isTrue();
        assertThat(title).as("%s: panel %s has a title", d.title(), p.path("id")).isNotBlank();
        JsonNode grid = p.path("gridPos");
        assertThat(grid.path("x").asInt() + grid.path("w").asInt()).as("%s: '%s' fits 24 columns", d.title(), title)
            .isBetween(1, 24);
        assertThat(grid.path("h").asInt()).as("%s: '%s' height", d.title(), title).isPositive();
        if (!"row".equals(p.path("type").asText())) {
          assertThat(titles.add(title)).as("%s: panel title '%s' unique", d.title(), title).isTrue();
          assertThat(p.path("description").asText()).as("%s: '%s' says what it shows", d.title(), title).isNotBlank();
          assertThat(p.path("targets")).as("%s: '%s' has queries", d.title(), title).isNotEmpty();
          p.path("targets").forEach(t -> assertThat(t.path("expr").asText())
              .as("%s: '%s' query %s", d.title(), title, t.path("refId").asText()).isNotBlank());
        }
      }
    }
  }

  @Test
  void everyVariableAQueryUsesIsDefined() throws Exception {
    for (Dashboard d : Dashboard.all()) {
      TemplateVariables vars = new TemplateVariables();
      d.variables().forEach(v -> vars.put(v.path("name").asText(), "x"));
      for (Dashboard.Query q : d.queries()) {
        assertThat(vars.apply(q.expr())).as(q.where()).doesNotContain("$");
      }
    }
  }
}
