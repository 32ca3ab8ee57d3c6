package io.guardstream.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema.registry.ssl.* settings against a local HTTPS server that demands a client
 * certificate. One self-signed key pair, made with the JDK's keytool, serves both sides.
 */
@Timeout(60)
class RegistryTlsTest {
  private static final String PASSWORD = "changeit";
  private static final Schema SCHEMA = new Schema.Parser().parse(
      "{\"type\":\"record\",\"name\":\"Probe\",\"namespace\":\"test\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}");

  @TempDir static Path dir;
  static Path keyStore;
  static Path trustStore;
  static SSLContext serverContext;

  @BeforeAll
  static void makeCertificates() throws Exception {
    keyStore = dir.resolve("keystore.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "registry", "-keyalg", "EC", "-dname", "CN=localhost",
        "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
        "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
        .redirectErrorStream(true).start();
    String output = new String(keytool.getInputStream().readAllBytes());
    assertThat(keytool.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).as("keytool: %s", output).isZero();

    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStore)) {
      keys.load(in, PASSWORD.toCharArray());
    }
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("registry", keys.getCertificate("registry"));
    trustStore = dir.resolve("truststore.p12");
    try (OutputStream out = Files.newOutputStream(trustStore)) {
      trust.store(out, PASSWORD.toCharArray());
    }

    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, PASSWORD.toCharArray());
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    serverContext = SSLContext.getInstance("TLS");
    serverContext.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
  }

  @Test
  void trustStoreAndClientCertificateConnect() {
    try (LocalHttpServer server = LocalHttpServer.https(serverContext, true, r -> LocalHttpServer.Answer.json(200,
        "{\"schema\":" + quote(SCHEMA.toString()) + "}"))) {
      Map<String, Object> config = config(server.url("https", ""));
      config.put(RegistryClientConfig.SSL_TRUSTSTORE_LOCATION, trustStore.toString());
      config.put(RegistryClientConfig.SSL_TRUSTSTORE_PASSWORD, PASSWORD);
      config.put(RegistryClientConfig.SSL_TRUSTSTORE_TYPE, "PKCS12");
      config.put(RegistryClientConfig.SSL_KEYSTORE_LOCATION, keyStore.toString());
      config.put(RegistryClientConfig.SSL_KEYSTORE_PASSWORD, PASSWORD);
      config.put(RegistryClientConfig.SSL_KEYSTORE_TYPE, "PKCS12");
      config.put(RegistryClientConfig.SSL_KEY_PASSWORD, PASSWORD);
      assertThat(SchemaRegistryClient.create(config).schemaById(1)).isEqualTo(SCHEMA);
      assertThat(server.requests()).hasSize(1);
    }
  }

  @Test
  void untrustedServerCertificateIsATlsErrorNotAnOutage() {
    try (LocalHttpServer server = LocalHttpServer.https(serverContext, false, r -> LocalHttpServer.Answer.json(200, "{}"))) {
      String url = server.url("https", "");
      SchemaRegistryClient client = SchemaRegistryClient.create(config(url));
      assertThatThrownBy(() -> client.schemaById(1))
          .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
            assertThat(e).isNotInstanceOf(SchemaRegistryUnavailableException.class);
            assertThat(e.isRetriable()).isFalse();
            assertThat(e.getMessage()).contains("TLS connection to schema registry " + url, "schema.registry.ssl");
          });
      assertThat(server.requests()).isEmpty();
    }
  }

  @Test
  void wrongTrustStorePasswordIsReportedAtConfiguration() {
    Map<String, Object> config = config("https://127.0.0.1:1");
    config.put(RegistryClientConfig.SSL_TRUSTSTORE_LOCATION, trustStore.toString());
    config.put(RegistryClientConfig.SSL_TRUSTSTORE_PASSWORD, "wrong");
    config.put(RegistryClientConfig.SSL_TRUSTSTORE_TYPE, "PKCS12");
    assertThatThrownBy(() -> SchemaRegistryClient.create(config))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.ssl.truststore.location")
        .hasMessageContaining(trustStore.toString());
  }

  private static Map<String, Object> config(String url) {
    Map<String, Object> config = new HashMap<>();
    config.put(RegistryClientConfig.URL, url);
    return config;
  }

  private static String quote(String s) {
    return new ObjectMapper().createObjectNode().put("s", s).get("s").toString();
  }
}
