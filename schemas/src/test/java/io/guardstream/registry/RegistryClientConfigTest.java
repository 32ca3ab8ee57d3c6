package io.guardstream.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryClientConfigTest {
  @TempDir Path dir;

  @Test
  void missingUrlIsReportedByName() {
    assertThatThrownBy(() -> RegistryClientConfig.from(Map.of("bootstrap.servers", "localhost:9092")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.url");
  }

  @Test
  void emptyUrlIsReportedByName() {
    assertThatThrownBy(() -> RegistryClientConfig.from(Map.of("schema.registry.url", " ")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.url")
        .hasMessageContaining("at least one registry URL");
  }

  @Test
  void urlWithoutHttpSchemeIsRefusedWithoutShowingCredentials() {
    assertThatThrownBy(() -> RegistryClientConfig.from(Map.of("schema.registry.url", "ftp://user:pw@host:21")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.url")
        .hasMessageContaining("http://host:port")
        .hasMessageNotContaining("pw");
  }

  @Test
  void defaultsAndUrlListAreRead() {
    RegistryClientConfig config = RegistryClientConfig.from(Map.of(
        "schema.registry.url", "http://a:8081/apis/ccompat/v7/, https://B:8082"));
    assertThat(config.urls()).containsExactly(URI.create("http://a:8081/apis/ccompat/v7"), URI.create("https://B:8082"));
    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.cacheCapacity()).isEqualTo(1000);
  }

  @Test
  void userInfoSourceNeedsUserAndPassword() {
    assertThatThrownBy(() -> RegistryClientConfig.from(Map.of("schema.registry.url", "http://a",
        "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "alice")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("basic.auth.user.info must be set to user:password")
        .hasMessageNotContaining("alice");
  }

  @Test
  void userInfoWithoutItsSourceIsNotSilentlyIgnored() {
    assertThatThrownBy(() -> RegistryClientConfig.from(Map.of("schema.registry.url", "http://a",
        "basic.auth.user.info", "alice:pw")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("basic.auth.credentials.source=USER_INFO");
  }

  @Test
  void unknownCredentialsSourceIsRefused() {
    assertThatThrownBy(() -> RegistryClientConfig.from(Map.of("schema.registry.url", "http://a",
        "basic.auth.credentials.source", "SASL_INHERIT")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("basic.auth.credentials.source");
  }

  @Test
  void missingTrustStoreFileIsReportedByName() {
    Path missing = dir.resolve("missing.p12");
    assertThatThrownBy(() -> RegistryClientConfig.from(Map.of("schema.registry.url", "https://a",
        "schema.registry.ssl.truststore.location", missing.toString())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.ssl.truststore.location")
        .hasMessageContaining(missing.toString());
  }

  @Test
  void keyStoreNeedsAPassword() throws Exception {
    Path keyStore = Files.writeString(dir.resolve("k.p12"), "x");
    assertThatThrownBy(() -> RegistryClientConfig.from(Map.of("schema.registry.url", "https://a",
        "schema.registry.ssl.keystore.location", keyStore.toString())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.ssl.keystore.password");
  }

  @Test
  void timeoutsMustBePositive() {
    assertThatThrownBy(() -> RegistryClientConfig.from(Map.of("schema.registry.url", "http://a",
        "schema.registry.request.timeout.ms", "0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.request.timeout.ms");
  }
}
