package io.guardstream.serde;

import io.guardstream.registry.RegisteredSchema;
import io.guardstream.registry.SchemaNotRegisteredException;
import io.guardstream.registry.SchemaRegistryClient;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records (generated classes or {@link org.apache.avro.generic.GenericRecord}) in the
 * Confluent wire format, registering or looking up their schema under the topic's subject
 * ({@code <topic>-key} or {@code <topic>-value}). The registry is asked once per topic and schema;
 * after that a record costs its Avro encoding and one array copy. Null maps to null (tombstones).
 *
 * <p>Configure it like Confluent's serializer ({@code schema.registry.url},
 * {@code auto.register.schemas}, ...; see {@link AvroSerdeConfig} and
 * {@link io.guardstream.registry.RegistryClientConfig}), or pass a shared client. Thread-safe, so a
 * KafkaProducer shared between threads can use it.
 */
public class ConfluentAvroSerializer<T> implements Serializer<T> {
  /** Distinct (topic, schema, class) entries kept; past it the table starts over. */
  private static final int MAX_WRITERS = 1000;

  /** What it takes to write records of one class and schema to one topic. */
  private record Writer(String topic, Schema schema, Class<?> type, byte[] header, DatumWriter<Object> datumWriter) {}

  private record WriterKey(String topic, Schema schema, Class<?> type) {}

  private final ConcurrentHashMap<WriterKey, Writer> writers = new ConcurrentHashMap<>();
  private final AtomicReference<EncodingBuffer> spare = new AtomicReference<>();
  private volatile Writer last;
  private SchemaRegistryClient client;
  private boolean isKey;
  private boolean autoRegister = true;
  private boolean useLatestVersion;

  /** A serializer that gets its registry settings from {@link #configure}. */
  public ConfluentAvroSerializer() {}

  /**
   * A serializer using a given client, writing values with auto-registration until
   * {@link #configure} says otherwise.
   */
  public ConfluentAvroSerializer(SchemaRegistryClient client) {
    this.client = client;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    configure(configs, isKey, client != null ? client : SchemaRegistryClient.create(configs));
  }

  void configure(Map<String, ?> configs, boolean isKey, SchemaRegistryClient registry) {
    AvroSerdeConfig config = AvroSerdeConfig.from(configs);
    this.client = registry;
    this.isKey = isKey;
    this.autoRegister = config.autoRegisterSchemas();
    this.useLatestVersion = config.useLatestVersion();
    writers.clear();
    last = null;
  }

  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    if (!(data instanceof GenericContainer container)) {
      throw new SerializationException("ConfluentAvroSerializer writes Avro records (generated classes, GenericRecord); got "
          + data.getClass().getName() + " for topic " + topic);
    }
    Schema schema = container.getSchema();
    Writer writer = last;
    if (writer == null || writer.schema() != schema || writer.type() != data.getClass() || !writer.topic().equals(topic)) {
      writer = writerFor(topic, schema, data);
    }
    EncodingBuffer buffer = spare.getAndSet(null);
    if (buffer == null) {
      buffer = new EncodingBuffer();
    }
    byte[] bytes;
    try {
      bytes = buffer.encode(writer.header(), writer.datumWriter(), data);
    } catch (IOException | RuntimeException e) {
      // The buffer may hold a partial record; it is dropped rather than returned.
      throw new SerializationException("cannot encode " + schema.getFullName() + " for topic " + topic + ": "
          + EncodingFailureText.describe(e));
    }
    spare.set(buffer);
    return bytes;
  }

  private Writer writerFor(String topic, Schema schema, Object datum) {
    if (client == null) {
      throw new IllegalStateException("ConfluentAvroSerializer is not configured: call configure() or pass a SchemaRegistryClient");
    }
    WriterKey key = new WriterKey(topic, schema, datum.getClass());
    Writer writer = writers.get(key);
    if (writer == null) {
      writer = newWriter(topic, schema, datum);
      if (writers.size() >= MAX_WRITERS) {
        writers.clear();
      }
      writers.put(key, writer);
    }
    last = writer;
    return writer;
  }

  private Writer newWriter(String topic, Schema schema, Object datum) {
    String subject = topic + (isKey ? "-key" : "-value");
    DatumWriter<Object> own = datum instanceof SpecificRecord
        ? new SpecificDatumWriter<>(schema, SpecificData.getForClass(datum.getClass()))
        : new GenericDatumWriter<>(schema, GenericData.get());
    if (useLatestVersion) {
      RegisteredSchema latest = client.latestVersion(subject);
      if (latest.schema().equals(schema)) {
        return new Writer(topic, schema, datum.getClass(), WireFormat.header(latest.id()), own);
      }
      SchemaCompatibility.SchemaPairCompatibility fit =
          SchemaCompatibility.checkReaderWriterCompatibility(latest.schema(), schema);
      if (fit.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
        throw new SerializationException("use.latest.version: records of " + schema.getFullName()
            + " cannot be written as the latest version of subject '" + subject + "' (version " + latest.version()
            + ", id " + latest.id() + "): " + fit.getResult().getIncompatibilities());
      }
      return new Writer(topic, schema, datum.getClass(), WireFormat.header(latest.id()),
          new LatestVersionWriter(own, schema, latest.schema()));
    }
    int id;
    if (autoRegister) {
      id = client.register(subject, schema);
    } else {
      try {
        id = client.lookupId(subject, schema);
      } catch (SchemaNotRegisteredException e) {
        throw new SchemaNotRegisteredException(e.getMessage() + "; auto.register.schemas is false, so the schema must be "
            + "registered before records are written", e.subject(), e.httpStatus(), e.errorCode(), e.registryMessage());
      }
    }
    return new Writer(topic, schema, datum.getClass(), WireFormat.header(id), own);
  }
}
