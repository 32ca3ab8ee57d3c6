package io.guardstream.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.guardstream.app.GuardstreamApp;
import io.guardstream.app.admin.TopicCatalog;
import io.guardstream.app.config.AppConfig;
import io.guardstream.embedded.EmbeddedStack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboards and alert rules against the real thing: Debian's Prometheus scrapes a running
 * guardstream app (in-JVM broker, real registry) while clean traffic, attacks, leaks and an
 * undecodable record flow. Every dashboard query must parse and return series, every variable must
 * resolve, and every alert rule must parse and evaluate without error; the only alert firing on
 * this healthy app must be the one for the dead-lettered record. Skipped without Prometheus unless
 * GUARDSTREAM_CROSSCHECK_REQUIRED=true.
 */
@Timeout(240)
class DashboardsPrometheusIT {
  private static final String JOB = "guardstream";
  /** Grafana's label_values(label) and label_values(selector, label). */
  private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((?:(.+),\\s*)?(\\w+)\\)");
  /**
   * Kafka client metrics (per-partition lag) appear after Micrometer's binder refreshes, 60 s after
   * the app starts; allow for that plus a few scrapes.
   */
  private static final Duration SERIES_DEADLINE = Duration.ofSeconds(120);

  @TempDir Path dir;

  @BeforeAll
  static void requirePrometheus() {
    DebianPrometheus.require();
  }

  @Test
  void alertRulesAndTheComposePrometheusConfigPassPromtool() throws Exception {
    Promtool.Result check = Promtool.checkRules(AlertRules.RULES);
    assertThat(check.exitCode()).as("promtool check rules:\n%s", check.output()).isZero();
    Promtool.Result test = Promtool.testRules(AlertRules.TESTS);
    assertThat(test.exitCode()).as("promtool test rules:\n%s", test.output()).isZero();
    Promtool.Result config = Promtool.checkConfig(Path.of("..", "deploy", "compose", "prometheus.yml"));
    assertThat(config.exitCode()).as("promtool check config deploy/compose/prometheus.yml:\n%s", config.output()).isZero();
  }

  @Test
  void everyPanelQueryReturnsSeriesAndEveryRuleEvaluatesAgainstTheRunningApp() throws Exception {
    EmbeddedStack stack = EmbeddedStack.shared();
    AppConfig config = appConfig(stack);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
      TopicCatalog.of(config, 2).ensure(admin, (short) 1);
    }
    long started = System.nanoTime();
    try (GuardstreamApp app = GuardstreamApp.start(config)) {
      assertThat(app.awaitRunning(Duration.ofSeconds(90))).as("app reached RUNNING").isTrue();
      try (GuardTraffic traffic = GuardTraffic.start(stack.bootstrapServers(), stack.registryUrl(),
              config.get(AppConfig.TOPIC_EVENTS), 250);
          PrometheusServer prometheus = PrometheusServer.start(dir, JOB, "127.0.0.1:" + app.httpPort(),
              List.of(AlertRules.RULES))) {
        List<String> problems = awaitSeries(prometheus, started);
        assertThat(problems).as("dashboard queries without series after %s of traffic (%d rounds); Prometheus log:%n%s",
            SERIES_DEADLINE, traffic.rounds(), prometheus.log()).isEmpty();
        assertAlertRules(prometheus);
      }
    }
  }

  /** Evaluates every panel query until all return series or the deadline passes; returns what is still failing. */
  private List<String> awaitSeries(PrometheusServer prometheus, long started) throws Exception {
    List<String> problems;
    List<String> verified;
    do {
      Thread.sleep(2_000);
      problems = new ArrayList<>();
      verified = new ArrayList<>();
      for (Dashboard dashboard : Dashboard.all()) {
        TemplateVariables vars = new TemplateVariables();
        if (resolveVariables(prometheus, dashboard, vars, problems)) {
          for (Dashboard.Query q : dashboard.queries()) {
            String promql = vars.apply(q.expr());
            JsonNode answer = prometheus.query(promql);
            if (!"success".equals(answer.path("status").asText())) {
              problems.add(q.where() + ": " + answer.path("errorType").asText() + ": " + answer.path("error").asText()
                  + " in: " + promql);
            } else if (answer.path("data").path("result").isEmpty()) {
              problems.add(q.where() + ": no series for: " + promql);
            } else {
              verified.add(q.where() + ": " + answer.path("data").path("result").size() + " series");
            }
          }
        }
      }
    } while (!problems.isEmpty() && System.nanoTime() - started < SERIES_DEADLINE.toNanos());
    verified.forEach(System.out::println);
    return problems;
  }

  /**
   * Resolves the dashboard's query variables in order with Prometheus (as Grafana would), putting
   * "All" (its allValue) for multi-value ones and the first value otherwise. False when one has no value.
   */
  private static boolean resolveVariables(PrometheusServer prometheus, Dashboard dashboard, TemplateVariables vars,
      List<String> problems) throws Exception {
    for (JsonNode v : dashboard.variables()) {
      String name = v.path("name").asText();
      if ("datasource".equals(v.path("type").asText())) {
        vars.put(name, "prometheus");
        continue;
      }
      String definition = vars.apply(v.path("query").path("query").asText());
      Matcher m = LABEL_VALUES.matcher(definition);
      if (!m.matches()) {
        problems.add("dashboard '" + dashboard.title() + "', variable " + name + ": not a label_values query: " + definition);
        return false;
      }
      JsonNode values = prometheus.labelValues(m.group(2), m.group(1)).path("data");
      if (values.isEmpty()) {
        problems.add("dashboard '" + dashboard.title() + "', variable " + name + ": no values for " + definition);
        return false;
      }
      boolean all = v.path("includeAll").asBoolean() && v.hasNonNull("allValue");
      vars.put(name, all ? v.path("allValue").asText() : values.get(0).asText());
    }
    return true;
  }

  /** Every rule parses as a query, Prometheus evaluates it without error, and only the DLQ alert fires. */
  private static void assertAlertRules(PrometheusServer prometheus) throws Exception {
    List<String> problems = new ArrayList<>();
    for (AlertRules.Rule rule : AlertRules.rules()) {
      JsonNode answer = prometheus.query(rule.expr());
      if (!"success".equals(answer.path("status").asText())) {
        problems.add("alert " + rule.alert() + ": " + answer.path("error").asText());
      }
    }
    assertThat(problems).as("alert rule expressions that do not evaluate").isEmpty();

    Map<String, JsonNode> loaded = new LinkedHashMap<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    do {
      Thread.sleep(1_000);
      loaded.clear();
      for (JsonNode group : prometheus.rules().path("data").path("groups")) {
        for (JsonNode rule : group.path("rules")) {
          loaded.put(rule.path("name").asText(), rule);
        }
      }
    } while (loaded.values().stream().anyMatch(r -> "unknown".equals(r.path("health").asText()))
        && System.nanoTime() < deadline);

    assertThat(loaded.keySet()).as("rules Prometheus loaded")
        .containsExactlyInAnyOrderElementsOf(AlertRules.rules().stream().map(AlertRules.Rule::alert).toList());
    Map<String, String> unhealthy = new HashMap<>();
    Set<String> firing = new TreeSet<>();
    loaded.forEach((name, rule) -> {
      if (!"ok".equals(rule.path("health").asText())) {
        unhealthy.put(name, rule.path("health").asText() + ": " + rule.path("lastError").asText());
      }
      if (!"inactive".equals(rule.path("state").asText())) {
        firing.add(name);
      }
    });
    assertThat(unhealthy).as("rules Prometheus could not evaluate").isEmpty();
    assertThat(firing).as("alerts pending or firing on a healthy app that dead-lettered one record")
        .containsExactly("GuardstreamDeadLetters");
  }

  private AppConfig appConfig(EmbeddedStack stack) {
    String prefix = "dash-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    Map<String, String> props = new HashMap<>();
    props.put(AppConfig.BOOTSTRAP_SERVERS.key(), stack.bootstrapServers());
    props.put(AppConfig.SCHEMA_REGISTRY_URL.key(), stack.registryUrl());
    props.putAll(AppConfig.namespaced(prefix));
    props.put(AppConfig.HTTP_HOST.key(), "127.0.0.1");
    props.put(AppConfig.HTTP_PORT.key(), "0");
    props.put(AppConfig.STATE_DIR.key(), dir.resolve("state").toString());
    // Short windows so per-user scores (anomaly distribution, top users) close within the test.
    props.put(AppConfig.ANOMALY_WINDOWS.key(), "5s");
    props.put(AppConfig.ANOMALY_GRACE.key(), "1s");
    props.put("kafka.commit.interval.ms", "200");
    return AppConfig.load(props, Map.of());
  }
}
