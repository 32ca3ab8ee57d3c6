package io.guardstream.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guardstream.embedded.EmbeddedStack;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client's API calls against a real registry (Apicurio's Confluent-compatible API). */
@Timeout(120)
class SchemaRegistryClientIT {
  private static final Schema V1 = new Schema.Parser().parse("""
      {"type": "record", "name": "Reading", "namespace": "test", "fields": [
        {"name": "sensor", "type": "string"}]}""");
  private static final Schema V2_COMPATIBLE = new Schema.Parser().parse("""
      {"type": "record", "name": "Reading", "namespace": "test", "fields": [
        {"name": "sensor", "type": "string"},
        {"name": "unit", "type": ["null", "string"], "default": null}]}""");
  private static final Schema V2_BREAKING = new Schema.Parser().parse("""
      {"type": "record", "name": "Reading", "namespace": "test", "fields": [
        {"name": "sensor", "type": "string"},
        {"name": "value", "type": "double"}]}""");

  private static SchemaRegistryClient client() {
    return SchemaRegistryClient.create(Map.of("schema.registry.url", EmbeddedStack.shared().registryUrl()));
  }

  private static String subject() {
    return "client-it-" + UUID.randomUUID() + "-value";
  }

  @Test
  void registerLookUpAndFetchAgree() {
    String subject = subject();
    SchemaRegistryClient writer = client();
    int id = writer.register(subject, V1);
    // A fresh client has no cache: every answer below comes from the registry.
    SchemaRegistryClient reader = client();
    assertThat(reader.register(subject, V1)).isEqualTo(id);
    assertThat(reader.lookupId(subject, V1)).isEqualTo(id);
    assertThat(client().schemaById(id)).isEqualTo(V1);
    RegisteredSchema latest = client().latestVersion(subject);
    assertThat(latest).isEqualTo(new RegisteredSchema(subject, 1, id, V1));
  }

  @Test
  void compatibilityIsCheckedBeforeRegistering() {
    String subject = subject();
    SchemaRegistryClient client = client();
    client.register(subject, V1);
    assertThat(client.testCompatibility(subject, V2_COMPATIBLE).compatible()).isTrue();
    assertThat(client.testCompatibility(subject, V2_BREAKING).compatible()).isFalse();
    int v2 = client.register(subject, V2_COMPATIBLE);
    assertThat(client.latestVersion(subject)).isEqualTo(new RegisteredSchema(subject, 2, v2, V2_COMPATIBLE));
    assertThatThrownBy(() -> client.register(subject, V2_BREAKING))
        .isInstanceOfSatisfying(IncompatibleSchemaException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(409);
          assertThat(e.getMessage()).contains(subject, e.registryMessage());
        });
  }

  @Test
  void subjectCompatibilityRuleCanBeSetAndRead() {
    String subject = subject();
    SchemaRegistryClient client = client();
    client.register(subject, V1);
    assertThat(client.testCompatibility(subject, V2_BREAKING).compatible()).isFalse();
    // FORWARD: old readers must read new data, which ignores the new field, so it is accepted.
    client.setCompatibility(subject, CompatibilityLevel.FORWARD);
    assertThat(client.compatibility(subject)).isEqualTo(CompatibilityLevel.FORWARD);
    assertThat(client.testCompatibility(subject, V2_BREAKING).compatible()).isTrue();
    client.register(subject, V2_BREAKING);
    client.setCompatibility(subject, CompatibilityLevel.FULL);
    assertThat(client.compatibility(subject)).isEqualTo(CompatibilityLevel.FULL);
  }

  @Test
  void missingSubjectIsNamed() {
    String subject = subject();
    assertThatThrownBy(() -> client().latestVersion(subject))
        .isInstanceOfSatisfying(SchemaNotRegisteredException.class, e -> {
          assertThat(e.subject()).isEqualTo(subject);
          assertThat(e.errorCode()).isEqualTo(40401);
          assertThat(e.getMessage()).contains(subject, e.registryMessage());
        });
    assertThatThrownBy(() -> client().lookupId(subject, V1))
        .isInstanceOf(SchemaNotRegisteredException.class)
        .hasMessageContaining("schema test.Reading is not registered under subject '" + subject + "'");
  }
}
