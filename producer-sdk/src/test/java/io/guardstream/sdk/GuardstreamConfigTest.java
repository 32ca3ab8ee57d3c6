package io.guardstream.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guardstream.guard.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuardstreamConfigTest {

  private static GuardstreamConfig.Builder minimal() {
    return GuardstreamConfig.builder().bootstrapServers("k:9092").schemaRegistryUrl("http://r:8081").app("bot");
  }

  @Test
  void defaults() {
    GuardstreamConfig c = minimal().build();
    assertThat(c.eventsTopic()).isEqualTo("ai.events");
    assertThat(c.systemPromptsTopic()).isEqualTo("ai.system-prompts");
    assertThat(c.guardRulesTopic()).isEqualTo("ai.guard-rules");
    assertThat(c.overflow()).isEqualTo(OverflowPolicy.DROP_OLDEST);
    assertThat(c.bufferMaxEvents()).isEqualTo(10_000);
    assertThat(c.bufferMaxBytes()).isEqualTo(16L << 20);
    assertThat(c.spoolMaxBytes()).isEqualTo(256L << 20);
    assertThat(c.closeTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(c.captures(Kind.PROMPT)).isTrue();
    assertThat(c.redact()).isFalse();
    assertThat(c.ruleSetId()).isEqualTo("default");
    assertThat(c.producerDefaults()).containsEntry("enable.idempotence", true).containsEntry("acks", "all")
        .containsEntry("compression.type", "lz4").containsEntry("bootstrap.servers", "k:9092");
  }

  @Test
  void environmentOverridesPropertiesAndPassesClientSettingsThrough(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sdk.properties");
    Files.writeString(file, """
        guardstream.sdk.bootstrap.servers=from-file:9092
        guardstream.sdk.schema.registry.url=http://r:8081
        guardstream.sdk.app.name=bot
        guardstream.sdk.overflow=spool
        guardstream.sdk.kafka.linger.ms=5
        """);
    Properties props = new Properties();
    try (var in = Files.newInputStream(file)) {
      props.load(in);
    }
    GuardstreamConfig c = GuardstreamConfig.from(props, Map.of(
        "GUARDSTREAM_SDK_BOOTSTRAP_SERVERS", "from-env:9092",
        "GUARDSTREAM_SDK_CAPTURE_TOOL_RESULT", "false",
        "GUARDSTREAM_SDK_BUFFER_MAX_BYTES", "2MiB",
        "GUARDSTREAM_SDK_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
        "GUARDSTREAM_SDK_REGISTRY_BASIC_AUTH_CREDENTIALS_SOURCE", "USER_INFO",
        "GUARDSTREAM_SDK_REGISTRY_BASIC_AUTH_USER_INFO", "u:p",
        "UNRELATED", "x"));
    assertThat(c.bootstrapServers()).isEqualTo("from-env:9092");
    assertThat(c.overflow()).isEqualTo(OverflowPolicy.SPOOL);
    assertThat(c.captures(Kind.TOOL_RESULT)).isFalse();
    assertThat(c.bufferMaxBytes()).isEqualTo(2L << 20);
    assertThat(c.producerDefaults()).containsEntry("security.protocol", "SASL_SSL").containsEntry("linger.ms", "5");
    assertThat(c.registryConfig()).containsEntry("basic.auth.user.info", "u:p");
  }

  @Test
  void everyProblemIsReportedAtOnceWithKeyAndVariable() {
    assertThatThrownBy(() -> GuardstreamConfig.builder()
        .set(GuardstreamConfig.BUFFER_MAX_EVENTS, "lots")
        .set(GuardstreamConfig.CLOSE_TIMEOUT, "soon")
        .set("guardstream.sdk.bufer.max-events", "10")
        .build())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("guardstream.sdk.bootstrap.servers (env GUARDSTREAM_SDK_BOOTSTRAP_SERVERS): required")
        .hasMessageContaining("guardstream.sdk.app.name")
        .hasMessageContaining("GUARDSTREAM_SDK_BUFFER_MAX_EVENTS): 'lots' is not an integer")
        .hasMessageContaining("'soon' is not a duration")
        .hasMessageContaining("guardstream.sdk.bufer.max-events: unknown setting");
  }

  @Test
  void invalidKafkaSettingsAreRefused() {
    assertThatThrownBy(() -> minimal().kafka("linger.ms", "never").build())
        .isInstanceOf(ConfigException.class).hasMessageContaining("linger.ms");
  }

  @Test
  void unknownEnvironmentVariablesOfTheSdkAreRefused() {
    assertThatThrownBy(() -> GuardstreamConfig.from(new Properties(), Map.of("GUARDSTREAM_SDK_OVERFLO", "SPOOL")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("GUARDSTREAM_SDK_OVERFLO");
  }
}
