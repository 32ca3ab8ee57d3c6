package io.guardstream.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guardstream.registry.IncompatibleSchemaException;
import io.guardstream.registry.SchemaNotRegisteredException;
import io.guardstream.registry.UnknownSchemaIdException;
import io.guardstream.schema.AiEvent;
import io.guardstream.schema.EventKind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The serde against a real registry (Apicurio, Confluent API) and a real in-JVM broker. */
@Timeout(120)
class ConfluentAvroSerdeIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * An older AiEvent: the same name with only the fields every version has. Stands for data an
   * old SDK wrote before the optional fields existed.
   */
  private static final Schema AI_EVENT_V0 = new Schema.Parser().parse("""
      {"type": "record", "name": "AiEvent", "namespace": "io.guardstream.schema", "fields": [
        {"name": "event_id", "type": "string"},
        {"name": "interaction_id", "type": "string"},
        {"name": "kind", "type": {"type": "enum", "name": "EventKind",
          "symbols": ["PROMPT", "RESPONSE", "TOOL_CALL", "TOOL_RESULT", "RETRIEVAL"]}},
        {"name": "event_time", "type": {"type": "long", "logicalType": "timestamp-millis"}},
        {"name": "tenant", "type": "string"},
        {"name": "user_id", "type": "string"},
        {"name": "app", "type": {"type": "record", "name": "AppInfo", "fields": [
          {"name": "name", "type": "string"}]}}
      ]}""");

  private static Map<String, Object> registry() {
    Map<String, Object> config = new HashMap<>();
    config.put("schema.registry.url", TestTopics.stack().registryUrl());
    return config;
  }

  @Test
  void specificRecordsRoundTripAndReadAsSpecificAndGeneric() throws Exception {
    String topic = TestTopics.create("roundtrip");
    Map<String, AiEvent> sent = new LinkedHashMap<>();
    for (int i = 0; i < 5; i++) {
      AiEvent event = TestEvents.event(i);
      sent.put(event.getTenant() + ":" + event.getUserId(), event);
    }
    // Producer side configured the way applications do: class names in the client configuration.
    Map<String, Object> producerConfig = registry();
    producerConfig.put("bootstrap.servers", TestTopics.stack().bootstrapServers());
    producerConfig.put("key.serializer", StringSerializer.class.getName());
    producerConfig.put("value.serializer", ConfluentAvroSerializer.class.getName());
    try (KafkaProducer<String, AiEvent> producer = new KafkaProducer<>(producerConfig)) {
      for (Map.Entry<String, AiEvent> e : sent.entrySet()) {
        producer.send(new ProducerRecord<>(topic, e.getKey(), e.getValue())).get();
      }
    }

    // Kafka Streams style: a serde built from the generated class.
    ConfluentAvroSerde<AiEvent> serde = new ConfluentAvroSerde<>(AiEvent.class);
    serde.configure(registry(), false);
    List<ConsumerRecord<String, AiEvent>> specific =
        TestTopics.read(topic, 5, new StringDeserializer(), serde.deserializer());
    assertThat(specific).extracting(ConsumerRecord::value).containsExactlyElementsOf(sent.values());

    // Consumer configured by class name, specific.avro.reader finding the class by schema name.
    Map<String, Object> byName = registry();
    byName.put("key.deserializer", StringDeserializer.class.getName());
    byName.put("value.deserializer", ConfluentAvroDeserializer.class.getName());
    byName.put("specific.avro.reader", "true");
    List<ConsumerRecord<String, Object>> configured = TestTopics.read(topic, 5, byName, null, null);
    assertThat(configured).extracting(ConsumerRecord::value).containsExactlyElementsOf(List.copyOf(sent.values()));

    ConfluentAvroDeserializer<GenericRecord> generic = ConfluentAvroDeserializer.generic();
    generic.configure(registry(), false);
    List<ConsumerRecord<String, GenericRecord>> records =
        TestTopics.read(topic, 5, new StringDeserializer(), generic);
    assertThat(records).hasSize(5);
    GenericRecord first = records.get(0).value();
    AiEvent expected = TestEvents.event(0);
    assertThat(first.getSchema().getFullName()).isEqualTo("io.guardstream.schema.AiEvent");
    assertThat(first.get("event_id")).hasToString(expected.getEventId());
    assertThat(first.get("kind")).hasToString("RESPONSE");
    assertThat(first.get("event_time")).isEqualTo(TestEvents.BASE_TIME.toEpochMilli());
    assertThat(first.get("content")).hasToString(expected.getContent());
    assertThat(((GenericRecord) first.get("usage")).get("input_tokens")).isEqualTo(10L);
  }

  @Test
  void writtenBytesDecodeWithAvroAloneAndTheRegistrysSchema() throws Exception {
    String topic = TestTopics.create("plain-avro");
    ConfluentAvroSerializer<AiEvent> serializer = new ConfluentAvroSerializer<>();
    serializer.configure(registry(), false);
    TestTopics.produce(topic, new StringSerializer(), serializer, Map.of("acme:user-3", TestEvents.event(3)));

    byte[] bytes = TestTopics.read(topic, 1, new ByteArrayDeserializer(), new ByteArrayDeserializer()).get(0).value();
    ByteBuffer header = ByteBuffer.wrap(bytes, 0, 5);
    assertThat(header.get()).isZero();
    int id = header.getInt();
    // The subject's latest version, asked over plain HTTP, carries the id written into the record.
    JsonNode latest = httpGet("/subjects/" + topic + "-value/versions/latest");
    assertThat(latest.get("id").asInt()).isEqualTo(id);

    Schema writer = new Schema.Parser().parse(httpGet("/schemas/ids/" + id).get("schema").asText());
    GenericRecord decoded = new GenericDatumReader<GenericRecord>(writer, writer, GenericData.get())
        .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
    AiEvent expected = TestEvents.event(3);
    assertThat(decoded.get("event_id")).hasToString("evt-3");
    assertThat(decoded.get("user_id")).hasToString("user-3");
    assertThat(decoded.get("event_time")).isEqualTo(expected.getEventTime().toEpochMilli());
    assertThat(decoded.get("content")).hasToString(expected.getContent());
    assertThat(((GenericRecord) decoded.get("app")).get("version")).hasToString("1.2.3");
    assertThat(decoded.get("latency_ms")).isEqualTo(153L);
  }

  @Test
  void unregisteredSchemaWithAutoRegisterOffIsAClearError() throws Exception {
    String topic = TestTopics.create("no-auto");
    Map<String, Object> config = registry();
    config.put("auto.register.schemas", "false");
    ConfluentAvroSerializer<AiEvent> serializer = new ConfluentAvroSerializer<>();
    serializer.configure(config, false);
    assertThatThrownBy(() -> serializer.serialize(topic, TestEvents.event(1)))
        .isInstanceOf(SerializationException.class)
        .isInstanceOfSatisfying(SchemaNotRegisteredException.class, e -> {
          assertThat(e.subject()).isEqualTo(topic + "-value");
          assertThat(e.httpStatus()).isEqualTo(404);
          assertThat(e.registryMessage()).isNotBlank();
          assertThat(e.getMessage()).contains("io.guardstream.schema.AiEvent", "'" + topic + "-value'",
              e.registryMessage(), "auto.register.schemas is false");
        });
  }

  @Test
  void registeredSchemaIsFoundWithAutoRegisterOff() throws Exception {
    String topic = TestTopics.create("registered");
    ConfluentAvroSerializer<AiEvent> registering = new ConfluentAvroSerializer<>();
    registering.configure(registry(), false);
    byte[] first = registering.serialize(topic, TestEvents.event(1));

    Map<String, Object> config = registry();
    config.put("auto.register.schemas", "false");
    ConfluentAvroSerializer<AiEvent> lookingUp = new ConfluentAvroSerializer<>();
    lookingUp.configure(config, false);
    assertThat(lookingUp.serialize(topic, TestEvents.event(1))).isEqualTo(first);
  }

  @Test
  void incompatibleSchemaIsRefusedWithTheRegistrysMessage() throws Exception {
    String topic = TestTopics.create("incompatible");
    ConfluentAvroSerializer<Object> serializer = new ConfluentAvroSerializer<>();
    serializer.configure(registry(), false);
    serializer.serialize(topic, TestEvents.event(1));

    // Same record name, a new required field: data already on the topic could not be read with it.
    Schema breaking = new Schema.Parser().parse(AiEvent.getClassSchema().toString()
        .replaceFirst("\"fields\":\\[", "\"fields\":[{\"name\":\"risk_level\",\"type\":\"int\"},"));
    GenericRecord record = new GenericRecordBuilder(breaking)
        .set("risk_level", 1).set("event_id", "e").set("interaction_id", "i")
        .set("kind", new GenericData.EnumSymbol(breaking.getField("kind").schema(), "PROMPT"))
        .set("event_time", 0L).set("tenant", "t").set("user_id", "u")
        .set("app", new GenericRecordBuilder(breaking.getField("app").schema()).set("name", "a").build())
        .build();
    assertThatThrownBy(() -> serializer.serialize(topic, record))
        .isInstanceOfSatisfying(IncompatibleSchemaException.class, e -> {
          assertThat(e.subject()).isEqualTo(topic + "-value");
          assertThat(e.httpStatus()).isEqualTo(409);
          assertThat(e.registryMessage()).contains("Incompatible");
          assertThat(e.getMessage()).contains("'" + topic + "-value'", "incompatible", e.registryMessage());
        });
  }

  @Test
  void unknownSchemaIdIsReportedWithTheId() {
    ConfluentAvroDeserializer<AiEvent> deserializer = new ConfluentAvroDeserializer<>(AiEvent.class);
    deserializer.configure(registry(), false);
    byte[] payload = {0, 0x7f, 0x00, 0x00, 0x01, 2, 'a'};
    assertThatThrownBy(() -> deserializer.deserialize("t", payload))
        .isInstanceOf(SerializationException.class)
        .isInstanceOfSatisfying(UnknownSchemaIdException.class, e -> {
          assertThat(e.schemaId()).isEqualTo(0x7f000001);
          assertThat(e.httpStatus()).isEqualTo(404);
          assertThat(e.errorCode()).isEqualTo(40403);
          assertThat(e.getMessage()).contains("schema id " + 0x7f000001, TestTopics.stack().registryUrl(),
              e.registryMessage(), "40403");
        });
  }

  @Test
  void foreignRecordOnTheTopicFailsTheConsumerWithUnknownMagicByte() throws Exception {
    String topic = TestTopics.create("foreign");
    TestTopics.produce(topic, new StringSerializer(), new ByteArraySerializer(),
        Map.of("k", "{\"event_id\":\"plain json\"}".getBytes()));
    ConfluentAvroDeserializer<AiEvent> deserializer = new ConfluentAvroDeserializer<>(AiEvent.class);
    deserializer.configure(registry(), false);
    try (KafkaConsumer<String, AiEvent> consumer = new KafkaConsumer<>(
        Map.of("bootstrap.servers", TestTopics.stack().bootstrapServers()), new StringDeserializer(), deserializer)) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      assertThatThrownBy(() -> {
        for (int i = 0; i < 100; i++) {
          consumer.poll(Duration.ofMillis(200));
        }
      }).isInstanceOf(RecordDeserializationException.class)
          .cause().isInstanceOf(UnknownMagicByteException.class)
          .hasMessageContaining(topic)
          .hasMessageContaining("0x7b");
    }
  }

  @Test
  void olderWriterSchemaIsReadIntoTheNewerClass() throws Exception {
    String topic = TestTopics.create("evolution");
    ConfluentAvroSerializer<Object> serializer = new ConfluentAvroSerializer<>();
    serializer.configure(registry(), false);
    GenericRecord old = new GenericRecordBuilder(AI_EVENT_V0)
        .set("event_id", "old-1").set("interaction_id", "i-1")
        .set("kind", new GenericData.EnumSymbol(AI_EVENT_V0.getField("kind").schema(), "PROMPT"))
        .set("event_time", 1_700_000_000_000L).set("tenant", "acme").set("user_id", "u-1")
        .set("app", new GenericRecordBuilder(AI_EVENT_V0.getField("app").schema()).set("name", "legacy-bot").build())
        .build();
    byte[] oldBytes = serializer.serialize(topic, old);
    // The current schema is a compatible next version of the same subject.
    byte[] newBytes = serializer.serialize(topic, TestEvents.event(2));
    assertThat(id(newBytes)).isNotEqualTo(id(oldBytes));
    JsonNode versions = httpGet("/subjects/" + topic + "-value/versions");
    assertThat(versions).hasSize(2);

    ConfluentAvroDeserializer<AiEvent> reader = new ConfluentAvroDeserializer<>(AiEvent.class);
    reader.configure(registry(), false);
    AiEvent upgraded = reader.deserialize(topic, oldBytes);
    assertThat(upgraded.getEventId()).isEqualTo("old-1");
    assertThat(upgraded.getKind()).isEqualTo(EventKind.PROMPT);
    assertThat(upgraded.getEventTime()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
    assertThat(upgraded.getApp().getName()).isEqualTo("legacy-bot");
    assertThat(upgraded.getApp().getVersion()).isNull();
    assertThat(upgraded.getContent()).isNull();
    assertThat(upgraded.getContentTruncated()).isFalse();
    assertThat(upgraded.getUserRoles()).isEmpty();
    assertThat(upgraded.getAttributes()).isEmpty();
    assertThat(reader.deserialize(topic, newBytes)).isEqualTo(TestEvents.event(2));
  }

  @Test
  void useLatestVersionWritesOlderRecordsInTheRegisteredSchema() throws Exception {
    String topic = TestTopics.create("latest");
    ConfluentAvroSerializer<AiEvent> registering = new ConfluentAvroSerializer<>();
    registering.configure(registry(), false);
    int currentId = id(registering.serialize(topic, TestEvents.event(1)));

    Map<String, Object> config = registry();
    config.put("auto.register.schemas", "false");
    config.put("use.latest.version", "true");
    ConfluentAvroSerializer<Object> latest = new ConfluentAvroSerializer<>();
    latest.configure(config, false);
    GenericRecord old = new GenericRecordBuilder(AI_EVENT_V0)
        .set("event_id", "old-2").set("interaction_id", "i-2")
        .set("kind", new GenericData.EnumSymbol(AI_EVENT_V0.getField("kind").schema(), "TOOL_CALL"))
        .set("event_time", 5L).set("tenant", "acme").set("user_id", "u-2")
        .set("app", new GenericRecordBuilder(AI_EVENT_V0.getField("app").schema()).set("name", "bot").build())
        .build();
    byte[] bytes = latest.serialize(topic, old);
    assertThat(id(bytes)).isEqualTo(currentId);
    // Current records go through unchanged.
    assertThat(latest.serialize(topic, TestEvents.event(4))).isEqualTo(registering.serialize(topic, TestEvents.event(4)));

    ConfluentAvroDeserializer<GenericRecord> generic = ConfluentAvroDeserializer.generic();
    generic.configure(registry(), false);
    GenericRecord read = generic.deserialize(topic, bytes);
    assertThat(read.getSchema().getFields()).hasSameSizeAs(AiEvent.getClassSchema().getFields());
    assertThat(read.get("event_id")).hasToString("old-2");
    assertThat(read.get("kind")).hasToString("TOOL_CALL");
    assertThat(read.get("content_truncated")).isEqualTo(false);
  }

  @Test
  void encodingErrorsNameTheFieldButNotTheValue() throws Exception {
    String topic = TestTopics.create("bad-record");
    ConfluentAvroSerializer<Object> serializer = new ConfluentAvroSerializer<>();
    serializer.configure(registry(), false);
    GenericRecord record = new GenericRecordBuilder(AI_EVENT_V0)
        .set("event_id", "e").set("interaction_id", "i")
        .set("kind", new GenericData.EnumSymbol(AI_EVENT_V0.getField("kind").schema(), "PROMPT"))
        .set("event_time", "ghp_secretTokenValue1234567890").set("tenant", "acme").set("user_id", "u")
        .set("app", new GenericRecordBuilder(AI_EVENT_V0.getField("app").schema()).set("name", "bot").build())
        .build();
    assertThatThrownBy(() -> serializer.serialize(topic, record))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("AiEvent.event_time")
        .hasMessageNotContaining("ghp_")
        .hasNoCause();
    // The serializer stays usable after a failed record.
    assertThat(serializer.serialize(topic, TestEvents.event(1))).isNotEmpty();
  }

  private static int id(byte[] payload) {
    return ByteBuffer.wrap(payload, 1, 4).getInt();
  }

  private static JsonNode httpGet(String path) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(TestTopics.stack().registryUrl() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }
}
