package io.guardstream.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guardstream.guard.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppConfigTest {
  private static final Map<String, String> REQUIRED = Map.of(
      "guardstream.bootstrap.servers", "kafka:9092",
      "guardstream.schema.registry.url", "http://registry:8081");

  @Test
  void defaultsApplyWhenOnlyTheRequiredSettingsAreGiven() {
    AppConfig c = AppConfig.load(REQUIRED, Map.of());
    assertThat(c.get(AppConfig.TOPIC_EVENTS)).isEqualTo("ai.events");
    assertThat(c.get(AppConfig.PROCESSING_GUARANTEE)).isEqualTo("exactly_once_v2");
    assertThat(c.get(AppConfig.ALERT_MIN_SEVERITY)).isEqualTo(Severity.HIGH);
    assertThat(c.get(AppConfig.ANOMALY_WINDOWS)).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(15));
    assertThat(c.redactionKey()).isNull();
  }

  @Test
  void everyMissingRequiredSettingIsNamedWithItsVariable() {
    assertThatThrownBy(() -> AppConfig.load(Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("guardstream.bootstrap.servers (env GUARDSTREAM_BOOTSTRAP_SERVERS): required")
        .hasMessageContaining("guardstream.schema.registry.url (env GUARDSTREAM_SCHEMA_REGISTRY_URL): required");
  }

  @Test
  void invalidValuesAreReportedTogetherWithWhatWasExpected() {
    ConfigException e = (ConfigException) org.assertj.core.api.Assertions.catchThrowable(() -> AppConfig.load(REQUIRED, Map.of(
        "GUARDSTREAM_ALERT_MIN_SEVERITY", "SEVERE",
        "GUARDSTREAM_ALERT_SUPPRESSION_WINDOW", "ten minutes",
        "GUARDSTREAM_HTTP_PORT", "99999",
        "GUARDSTREAM_PROCESSING_GUARANTEE", "exactly_once")));
    assertThat(e.problems()).hasSize(4);
    assertThat(e.getMessage())
        .contains("guardstream.alert.min-severity (env GUARDSTREAM_ALERT_MIN_SEVERITY): 'SEVERE' is not one of INFO, LOW, MEDIUM, HIGH, CRITICAL")
        .contains("GUARDSTREAM_ALERT_SUPPRESSION_WINDOW): 'ten minutes' is not a duration")
        .contains("GUARDSTREAM_HTTP_PORT): '99999' is not a port")
        .contains("'exactly_once' is not exactly_once_v2 or at_least_once");
  }

  @Test
  void environmentOverridesPropertiesAndClientSettingsPassThrough() {
    Map<String, String> props = new java.util.HashMap<>(REQUIRED);
    props.put("guardstream.topic.audit", "from-file");
    props.put("kafka.security.protocol", "SSL");
    AppConfig c = AppConfig.load(props, Map.of(
        "GUARDSTREAM_TOPIC_AUDIT", "from-env",
        "GUARDSTREAM_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
        "GUARDSTREAM_REGISTRY_BASIC_AUTH_USER_INFO", "u:p"));
    assertThat(c.get(AppConfig.TOPIC_AUDIT)).isEqualTo("from-env");
    assertThat(c.kafkaOverrides()).containsEntry("security.protocol", "SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512");
    assertThat(c.registryOverrides()).containsEntry("basic.auth.user.info", "u:p");
  }

  @Test
  void unknownSettingsAndInconsistentThresholdsAreRejected() {
    Map<String, String> props = new java.util.HashMap<>(REQUIRED);
    props.put("guardstream.alert.min-severty", "LOW");
    props.put("guardstream.anomaly.clear-threshold", "90");
    assertThatThrownBy(() -> AppConfig.load(props, Map.of()))
        .hasMessageContaining("guardstream.alert.min-severty: unknown setting")
        .hasMessageContaining("guardstream.anomaly.clear-threshold (env GUARDSTREAM_ANOMALY_CLEAR_THRESHOLD): must not exceed");
  }

  @Test
  void durationsAcceptShorthandAndIso() {
    assertThat(Parsers.duration("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Parsers.duration("2h")).isEqualTo(Duration.ofHours(2));
    assertThat(Parsers.duration("PT10M")).isEqualTo(Duration.ofMinutes(10));
    assertThat(Parsers.durations("10s, 1m")).isEqualTo(List.of(Duration.ofSeconds(10), Duration.ofMinutes(1)));
    assertThatThrownBy(() -> Parsers.duration("0s")).hasMessageContaining("must be positive");
  }

  @Test
  void theReferenceListsEverySettingAndItsVariable() {
    String reference = AppConfig.reference();
    for (Setting<?> s : AppConfig.SETTINGS) {
      assertThat(reference).contains("`" + s.key() + "`").contains("`" + s.envName() + "`");
    }
  }
}
