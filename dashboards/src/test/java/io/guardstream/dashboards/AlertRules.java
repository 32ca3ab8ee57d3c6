package io.guardstream.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The Prometheus alerting rules file and its promtool unit tests, as data. */
final class AlertRules {
  static final Path RULES = Path.of("prometheus", "guardstream-alerts.yml");
  static final Path TESTS = Path.of("prometheus", "guardstream-alerts.test.yml");
  private static final YAMLMapper YAML = new YAMLMapper();

  /** One alerting rule: its group, name, PromQL, labels and annotations. */
  record Rule(String group, String alert, String expr, JsonNode labels, JsonNode annotations) {}

  private AlertRules() {}

  static List<Rule> rules() throws IOException {
    List<Rule> out = new ArrayList<>();
    for (JsonNode group : YAML.readTree(RULES.toFile()).path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        out.add(new Rule(group.path("name").asText(), rule.path("alert").asText(), rule.path("expr").asText(),
            rule.path("labels"), rule.path("annotations")));
      }
    }
    return out;
  }

  /** Every alert_rule_test case of the promtool test file: alert name and whether it expects alerts. */
  record Case(String alert, boolean expectsAlerts) {}

  static List<Case> testCases() throws IOException {
    List<Case> out = new ArrayList<>();
    for (JsonNode test : YAML.readTree(TESTS.toFile()).path("tests")) {
      for (JsonNode c : test.path("alert_rule_test")) {
        out.add(new Case(c.path("alertname").asText(), !c.path("exp_alerts").isEmpty()));
      }
    }
    return out;
  }
}
