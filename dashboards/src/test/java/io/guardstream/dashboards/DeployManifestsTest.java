package io.guardstream.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.guardstream.app.config.AppConfig;
import io.guardstream.app.config.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The deploy/ manifests, which cannot be run here (no container engine, no cluster): they parse,
 * they only set variables the app knows, and their pieces fit together (mounted files exist, the
 * scrape job is the one the alert rules select, probes hit the health endpoints, the state volume
 * is where the app keeps state, the pods can be told apart for query forwarding).
 */
class DeployManifestsTest {
  private static final Path COMPOSE = Path.of("..", "deploy", "compose");
  private static final Path K8S = Path.of("..", "deploy", "k8s");
  private static final String IMAGE = "guardstream";
  private static final String STATE_DIR = "/var/lib/guardstream/state";
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Set<String> SETTINGS =
      AppConfig.SETTINGS.stream().map(Setting::envName).collect(Collectors.toSet());

  /** A variable the app reads: a setting, or a Kafka / registry client setting passed through. */
  private static boolean known(String name) {
    return SETTINGS.contains(name) || name.startsWith("GUARDSTREAM_KAFKA_") || name.startsWith("GUARDSTREAM_REGISTRY_");
  }

  private static List<JsonNode> documents(Path file) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
      while (it.hasNext()) {
        JsonNode doc = it.next();
        if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
          out.add(doc);
        }
      }
    }
    return out;
  }

  @Test
  void composeRunsTheImageWithPrometheusAndGrafanaProvisioned() throws Exception {
    JsonNode services = YAML.readTree(COMPOSE.resolve("docker-compose.yml").toFile()).path("services");
    assertThat(services.fieldNames()).toIterable().containsExactlyInAnyOrder("guardstream", "prometheus", "grafana");

    JsonNode app = services.path("guardstream");
    assertThat(app.path("image").asText()).contains(IMAGE + ":");
    assertThat(app.path("healthcheck").path("test").toString()).contains("/health/live");
    assertThat(app.path("volumes").get(0).asText()).endsWith(":" + STATE_DIR);
    app.path("environment").fieldNames().forEachRemaining(name -> assertThat(known(name)).as(name).isTrue());
    assertThat(app.path("environment").path(AppConfig.STATE_DIR.envName()).asText()).isEqualTo(STATE_DIR);

    Properties example = new Properties();
    try (var reader = Files.newBufferedReader(COMPOSE.resolve("guardstream.env.example"))) {
      example.load(reader);
    }
    assertThat(example.stringPropertyNames()).contains(AppConfig.BOOTSTRAP_SERVERS.envName(),
        AppConfig.SCHEMA_REGISTRY_URL.envName(), AppConfig.API_KEY.envName());
    example.stringPropertyNames().forEach(name -> assertThat(known(name)).as("guardstream.env.example: " + name).isTrue());

    for (String service : List.of("prometheus", "grafana")) {
      for (JsonNode volume : services.path(service).path("volumes")) {
        String source = volume.asText().split(":")[0];
        if (source.startsWith(".")) {
          assertThat(COMPOSE.resolve(source)).as("%s mounts %s", service, source).exists();
        }
      }
    }
    assertThat(services.path("prometheus").path("volumes").toString())
        .contains("../../dashboards/prometheus/guardstream-alerts.yml:/etc/prometheus/rules/");
  }

  @Test
  void composePrometheusScrapesTheJobTheAlertRulesSelectAndGrafanaLoadsTheDashboards() throws Exception {
    JsonNode prometheus = YAML.readTree(COMPOSE.resolve("prometheus.yml").toFile());
    assertThat(prometheus.path("scrape_configs").findValuesAsText("job_name")).containsExactly("guardstream");
    assertThat(prometheus.path("rule_files").get(0).asText()).startsWith("/etc/prometheus/rules/");

    JsonNode provider = YAML.readTree(COMPOSE.resolve("grafana/provisioning/dashboards/guardstream.yml").toFile())
        .path("providers").get(0);
    JsonNode grafanaVolumes = YAML.readTree(COMPOSE.resolve("docker-compose.yml").toFile())
        .path("services").path("grafana").path("volumes");
    assertThat(grafanaVolumes).extracting(JsonNode::asText)
        .contains("../../dashboards/grafana:" + provider.path("options").path("path").asText() + ":ro");
    JsonNode datasource = YAML.readTree(COMPOSE.resolve("grafana/provisioning/datasources/prometheus.yml").toFile())
        .path("datasources").get(0);
    assertThat(datasource.path("type").asText()).isEqualTo("prometheus");
    assertThat(datasource.path("isDefault").asBoolean()).isTrue();
  }

  @Test
  void kubernetesManifestsAreAStatefulSetWithStateVolumesProbesAndStandbys() throws Exception {
    JsonNode kustomization = YAML.readTree(K8S.resolve("kustomization.yaml").toFile());
    List<JsonNode> docs = new ArrayList<>();
    for (JsonNode resource : kustomization.path("resources")) {
      docs.addAll(documents(K8S.resolve(resource.asText())));
    }
    Map<String, JsonNode> byKind = docs.stream().filter(d -> !"Service".equals(d.path("kind").asText()))
        .collect(Collectors.toMap(d -> d.path("kind").asText(), d -> d));
    List<JsonNode> services = docs.stream().filter(d -> "Service".equals(d.path("kind").asText())).toList();
    assertThat(byKind.keySet()).containsExactlyInAnyOrder("ConfigMap", "Secret", "StatefulSet", "PodDisruptionBudget");

    JsonNode sts = byKind.get("StatefulSet");
    JsonNode pod = sts.path("spec").path("template");
    JsonNode labels = pod.path("metadata").path("labels");
    assertThat(sts.path("spec").path("selector").path("matchLabels")).isEqualTo(labels);
    assertThat(byKind.get("PodDisruptionBudget").path("spec").path("selector").path("matchLabels")).isEqualTo(labels);
    assertThat(services).allSatisfy(s -> assertThat(s.path("spec").path("selector")).isEqualTo(labels));

    JsonNode headless = services.stream().filter(s -> "None".equals(s.path("spec").path("clusterIP").asText()))
        .findFirst().orElseThrow();
    assertThat(sts.path("spec").path("serviceName").asText()).isEqualTo(headless.path("metadata").path("name").asText());

    JsonNode container = pod.path("spec").path("containers").get(0);
    assertThat(container.path("image").asText()).isEqualTo(IMAGE);
    assertThat(kustomization.path("images").findValuesAsText("name")).containsExactly(IMAGE);
    assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/health/live");
    assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/health/ready");
    assertThat(pod.path("spec").path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();

    JsonNode config = byKind.get("ConfigMap").path("data");
    assertThat(config.path(AppConfig.STANDBY_REPLICAS.envName()).asText()).isEqualTo("1");
    String stateDir = config.path(AppConfig.STATE_DIR.envName()).asText();
    String claim = sts.path("spec").path("volumeClaimTemplates").get(0).path("metadata").path("name").asText();
    assertThat(container.path("volumeMounts")).anySatisfy(m -> {
      assertThat(m.path("name").asText()).isEqualTo(claim);
      assertThat(m.path("mountPath").asText()).isEqualTo(stateDir);
    });

    List<String> env = new ArrayList<>();
    config.fieldNames().forEachRemaining(env::add);
    JsonNode secretData = byKind.get("Secret").path("stringData");
    String secretName = byKind.get("Secret").path("metadata").path("name").asText();
    for (JsonNode e : container.path("env")) {
      String name = e.path("name").asText();
      if (name.startsWith("GUARDSTREAM_")) {
        env.add(name);
      }
      JsonNode ref = e.path("valueFrom").path("secretKeyRef");
      if (!ref.isMissingNode()) {
        assertThat(ref.path("name").asText()).isEqualTo(secretName);
        assertThat(secretData.has(ref.path("key").asText())).as("secret has %s", ref.path("key").asText()).isTrue();
      }
    }
    assertThat(env).allSatisfy(name -> assertThat(known(name)).as(name).isTrue());
    assertThat(env).contains(AppConfig.ADVERTISED_HOST.envName(), AppConfig.API_KEY.envName());
    JsonNode advertised = container.path("env").findParents("name").stream()
        .filter(e -> AppConfig.ADVERTISED_HOST.envName().equals(e.path("name").asText())).findFirst().orElseThrow();
    assertThat(advertised.path("value").asText()).as("each pod advertises its own name under the headless service")
        .startsWith("$(POD_NAME)." + headless.path("metadata").path("name").asText() + ".");
  }

  @Test
  void theKubernetesScrapeJobIsTheOneTheAlertRulesSelect() throws Exception {
    JsonNode scrape = YAML.readTree(K8S.resolve("prometheus-scrape.yml").toFile());
    assertThat(scrape.path("scrape_configs").findValuesAsText("job_name")).containsExactly("guardstream");
  }
}
