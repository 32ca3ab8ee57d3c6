package io.guardstream.serde;

import io.guardstream.registry.SchemaRegistryClient;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads records in the Confluent wire format. The writer schema is fetched by the id in each
 * record's header (once per id) and resolved against the reader schema: a generated class
 * (specific), or the writer schema itself (generic). Records written with an older compatible
 * schema are read into the newer class, new fields taking their defaults. Null maps to null.
 *
 * <p>Errors are {@link SerializationException}s: {@link UnknownMagicByteException} for payloads not
 * in the wire format, {@link io.guardstream.registry.UnknownSchemaIdException} for ids the
 * registry does not know, a plain SerializationException for undecodable data or a writer schema
 * the reader class cannot read.
 */
public class ConfluentAvroDeserializer<T> implements Deserializer<T> {
  /** Distinct schema ids kept; past it the table starts over. */
  private static final int MAX_READERS = 1000;

  private enum Mode { FROM_CONFIG, SPECIFIC, GENERIC }

  /** How records with one writer schema id are read, or why they cannot be. */
  private record Reader(int id, DatumReader<Object> datumReader, String unreadable) {}

  private final Mode mode;
  private final Class<?> specificType;
  private final ConcurrentHashMap<Integer, Reader> readers = new ConcurrentHashMap<>();
  private final AtomicReference<BinaryDecoder> spareDecoder = new AtomicReference<>();
  private volatile Reader last;
  private SchemaRegistryClient client;
  private boolean specific;

  /** Generic or specific per {@code specific.avro.reader}, registry from {@link #configure}. */
  public ConfluentAvroDeserializer() {
    this(Mode.FROM_CONFIG, null, null);
  }

  /** Reads into the generated class {@code type}; registry from {@link #configure}. */
  public ConfluentAvroDeserializer(Class<T> type) {
    this(Mode.SPECIFIC, requireSpecific(type), null);
  }

  /** Reads into the generated class {@code type} with a given client; {@link #configure} is optional. */
  public ConfluentAvroDeserializer(Class<T> type, SchemaRegistryClient client) {
    this(Mode.SPECIFIC, requireSpecific(type), client);
  }

  private ConfluentAvroDeserializer(Mode mode, Class<?> specificType, SchemaRegistryClient client) {
    this.mode = mode;
    this.specificType = specificType;
    this.client = client;
    this.specific = mode == Mode.SPECIFIC;
  }

  /** Reads {@link GenericRecord}s in their writer schema; registry from {@link #configure}. */
  public static ConfluentAvroDeserializer<GenericRecord> generic() {
    return new ConfluentAvroDeserializer<>(Mode.GENERIC, null, null);
  }

  /** Reads {@link GenericRecord}s in their writer schema with a given client. */
  public static ConfluentAvroDeserializer<GenericRecord> generic(SchemaRegistryClient client) {
    return new ConfluentAvroDeserializer<>(Mode.GENERIC, null, client);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    configure(configs, isKey, client != null ? client : SchemaRegistryClient.create(configs));
  }

  void configure(Map<String, ?> configs, boolean isKey, SchemaRegistryClient registry) {
    AvroSerdeConfig config = AvroSerdeConfig.from(configs);
    this.client = registry;
    this.specific = mode == Mode.SPECIFIC || (mode == Mode.FROM_CONFIG && config.specificAvroReader());
    readers.clear();
    last = null;
  }

  @Override
  @SuppressWarnings("unchecked")
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    int id = WireFormat.schemaId(topic, data);
    Reader reader = last;
    if (reader == null || reader.id() != id) {
      reader = readerFor(id);
    }
    if (reader.unreadable() != null) {
      throw new SerializationException("record of topic " + topic + ": " + reader.unreadable());
    }
    BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, WireFormat.HEADER_SIZE,
        data.length - WireFormat.HEADER_SIZE, spareDecoder.getAndSet(null));
    try {
      T value = (T) reader.datumReader().read(null, decoder);
      spareDecoder.set(decoder);
      return value;
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("cannot decode record of topic " + topic + " written with schema id " + id
          + ": " + e, e);
    }
  }

  private Reader readerFor(int id) {
    if (client == null) {
      throw new IllegalStateException("ConfluentAvroDeserializer is not configured: call configure() or pass a SchemaRegistryClient");
    }
    Reader reader = readers.get(id);
    if (reader == null) {
      reader = newReader(id, client.schemaById(id));
      if (readers.size() >= MAX_READERS) {
        readers.clear();
      }
      readers.put(id, reader);
    }
    last = reader;
    return reader;
  }

  private Reader newReader(int id, Schema writer) {
    if (!specific) {
      return new Reader(id, new GenericDatumReader<>(writer, writer, GenericData.get()), null);
    }
    Class<?> type = specificType != null ? specificType : SpecificData.get().getClass(writer);
    if (type == null || !SpecificRecord.class.isAssignableFrom(type)) {
      return new Reader(id, null, "no generated class for " + writer.getFullName() + " (schema id " + id
          + ") on the classpath; specific.avro.reader=true needs one");
    }
    SpecificData model = SpecificData.getForClass(type);
    Schema readerSchema = model.getSchema(type);
    SchemaCompatibility.SchemaPairCompatibility fit =
        SchemaCompatibility.checkReaderWriterCompatibility(readerSchema, writer);
    if (fit.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
      return new Reader(id, null, "data written with schema id " + id + " (" + writer.getFullName()
          + ") cannot be read as " + type.getName() + ": " + fit.getResult().getIncompatibilities());
    }
    return new Reader(id, new SpecificDatumReader<>(writer, readerSchema, model), null);
  }

  private static <T> Class<T> requireSpecific(Class<T> type) {
    if (!SpecificRecord.class.isAssignableFrom(type)) {
      throw new IllegalArgumentException(type.getName() + " is not a generated Avro class (SpecificRecord)");
    }
    return type;
  }
}
