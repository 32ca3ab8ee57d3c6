package io.guardstream.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guardstream.registry.SchemaRegistryClient;
import io.guardstream.schema.AiEvent;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/**
 * What the serde decides before it needs the registry: null handling, payload checks,
 * configuration errors. The client points at a port nothing listens on, so any registry call
 * would fail with an unavailability error instead of the expected one.
 */
class SerdeWithoutRegistryTest {
  private static final Map<String, Object> NOWHERE = Map.of("schema.registry.url", "http://127.0.0.1:9");

  @Test
  void nullMapsToNullBothWays() {
    ConfluentAvroSerde<AiEvent> serde = new ConfluentAvroSerde<>(AiEvent.class);
    serde.configure(NOWHERE, false);
    assertThat(serde.serializer().serialize("t", null)).isNull();
    assertThat(serde.deserializer().deserialize("t", null)).isNull();
  }

  @Test
  void foreignPayloadIsRefusedBeforeAnyRegistryCall() {
    ConfluentAvroDeserializer<AiEvent> deserializer =
        new ConfluentAvroDeserializer<>(AiEvent.class, SchemaRegistryClient.create(NOWHERE));
    assertThatThrownBy(() -> deserializer.deserialize("ai.events", new byte[] {1, 0, 0, 0, 1, 2}))
        .isInstanceOf(UnknownMagicByteException.class)
        .isInstanceOf(SerializationException.class);
    assertThatThrownBy(() -> deserializer.deserialize("ai.events", new byte[] {0, 0}))
        .isInstanceOf(UnknownMagicByteException.class);
  }

  @Test
  void nonAvroObjectsAreRefusedByClass() {
    ConfluentAvroSerializer<Object> serializer = new ConfluentAvroSerializer<>();
    serializer.configure(NOWHERE, false);
    assertThatThrownBy(() -> serializer.serialize("t", "plain string"))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("java.lang.String");
  }

  @Test
  void missingRegistryUrlIsReportedByName() {
    assertThatThrownBy(() -> new ConfluentAvroSerde<>(AiEvent.class).configure(Map.of("auto.register.schemas", "false"), false))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.url");
    assertThatThrownBy(() -> new ConfluentAvroSerializer<AiEvent>().configure(Map.of(), true))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.url");
    assertThatThrownBy(() -> new ConfluentAvroDeserializer<AiEvent>().configure(Map.of(), false))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.url");
  }

  @Test
  void latestVersionWithAutoRegistrationIsRefused() {
    assertThatThrownBy(() -> new ConfluentAvroSerializer<AiEvent>().configure(
        Map.of("schema.registry.url", "http://127.0.0.1:9", "use.latest.version", "true"), false))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("use.latest.version=true requires auto.register.schemas=false");
  }

  @Test
  void onlyTopicNameStrategyIsAccepted() {
    assertThatThrownBy(() -> AvroSerdeConfig.from(Map.of("value.subject.name.strategy",
        "io.confluent.kafka.serializers.subject.RecordNameStrategy")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("value.subject.name.strategy")
        .hasMessageContaining("only TopicNameStrategy");
    assertThat(AvroSerdeConfig.from(Map.of("key.subject.name.strategy",
        "io.confluent.kafka.serializers.subject.TopicNameStrategy")).autoRegisterSchemas()).isTrue();
  }

  @Test
  void unconfiguredSerializerSaysSo() {
    assertThatThrownBy(() -> new ConfluentAvroSerializer<AiEvent>().serialize("t", TestEvents.event(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not configured");
  }

  @Test
  void onlyGeneratedClassesAreSpecificReaders() {
    assertThatThrownBy(() -> new ConfluentAvroDeserializer<>(String.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.String is not a generated Avro class");
  }
}
