package io.guardstream.serde;

import io.guardstream.registry.SchemaRegistryClient;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * {@link ConfluentAvroSerializer} and {@link ConfluentAvroDeserializer} as one Kafka Streams serde,
 * sharing one registry client (and so its caches).
 *
 * <pre>{@code
 * Serde<AiEvent> events = new ConfluentAvroSerde<>(AiEvent.class);
 * events.configure(Map.of("schema.registry.url", url), false);
 * }</pre>
 *
 * As {@code default.value.serde} (no-argument constructor) it reads generic records, or generated
 * classes with {@code specific.avro.reader=true}.
 */
public class ConfluentAvroSerde<T> implements Serde<T> {
  private final ConfluentAvroSerializer<T> serializer;
  private final ConfluentAvroDeserializer<T> deserializer;
  private final SchemaRegistryClient client;

  /** Generic or specific per {@code specific.avro.reader}; registry from {@link #configure}. */
  public ConfluentAvroSerde() {
    this(new ConfluentAvroDeserializer<>(), null);
  }

  /** For the generated class {@code type}; registry from {@link #configure}. */
  public ConfluentAvroSerde(Class<T> type) {
    this(new ConfluentAvroDeserializer<>(type), null);
  }

  /**
   * For the generated class {@code type} with a given client, usable without {@link #configure}
   * as a value serde with auto-registration.
   */
  public ConfluentAvroSerde(Class<T> type, SchemaRegistryClient client) {
    this(new ConfluentAvroDeserializer<>(type, client), client);
  }

  private ConfluentAvroSerde(ConfluentAvroDeserializer<T> deserializer, SchemaRegistryClient client) {
    this.serializer = client == null ? new ConfluentAvroSerializer<>() : new ConfluentAvroSerializer<>(client);
    this.deserializer = deserializer;
    this.client = client;
  }

  /** For {@link GenericRecord}s; registry from {@link #configure}. */
  public static ConfluentAvroSerde<GenericRecord> generic() {
    return new ConfluentAvroSerde<>(ConfluentAvroDeserializer.generic(), null);
  }

  /** For {@link GenericRecord}s with a given client. */
  public static ConfluentAvroSerde<GenericRecord> generic(SchemaRegistryClient client) {
    return new ConfluentAvroSerde<>(ConfluentAvroDeserializer.generic(client), client);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    SchemaRegistryClient shared = client != null ? client : SchemaRegistryClient.create(configs);
    serializer.configure(configs, isKey, shared);
    deserializer.configure(configs, isKey, shared);
  }

  @Override
  public Serializer<T> serializer() {
    return serializer;
  }

  @Override
  public Deserializer<T> deserializer() {
    return deserializer;
  }
}
