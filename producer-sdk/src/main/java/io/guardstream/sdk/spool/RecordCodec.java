package io.guardstream.sdk.spool;

import io.guardstream.schema.AiEvent;
import io.guardstream.schema.SystemPromptFingerprint;
import io.guardstream.sdk.pipeline.Outbound;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Spool record payloads: {@code [type:1][seq:8][topic length:2][topic][key length:4][key][Avro binary]}.
 * The Avro part carries no schema id, so spooling works while the registry is down; each segment
 * header holds the writer schemas, so a newer SDK can still read what an older one spooled.
 */
final class RecordCodec {
  private record Type(byte id, Class<? extends SpecificRecord> type, Schema schema) {}

  private static final Map<Byte, Type> TYPES = new LinkedHashMap<>();

  static {
    register(new Type((byte) 1, AiEvent.class, AiEvent.getClassSchema()));
    register(new Type((byte) 2, SystemPromptFingerprint.class, SystemPromptFingerprint.getClassSchema()));
  }

  private static void register(Type t) {
    TYPES.put(t.id(), t);
  }

  private final ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
  private final Map<Class<?>, SpecificDatumWriter<SpecificRecord>> writers = new HashMap<>();
  private final Map<Schema, SpecificDatumReader<SpecificRecord>> readers = new HashMap<>();
  private BinaryEncoder encoder;
  private BinaryDecoder decoder;

  /** Type ids and writer schemas of this SDK, for a new segment's header. */
  static Map<Byte, Schema> writerSchemas() {
    Map<Byte, Schema> schemas = new LinkedHashMap<>();
    TYPES.values().forEach(t -> schemas.put(t.id(), t.schema()));
    return schemas;
  }

  byte[] encode(Outbound record) {
    Type type = typeOf(record.value());
    out.reset();
    byte[] topic = record.topic().getBytes(StandardCharsets.UTF_8);
    byte[] key = record.key().getBytes(StandardCharsets.UTF_8);
    ByteBuffer head = ByteBuffer.allocate(1 + 8 + 2 + topic.length + 4 + key.length);
    head.put(type.id()).putLong(record.seq()).putShort((short) topic.length).put(topic).putInt(key.length).put(key);
    out.write(head.array(), 0, head.position());
    encoder = EncoderFactory.get().binaryEncoder(out, encoder);
    try {
      writers.computeIfAbsent(type.type(), c -> new SpecificDatumWriter<>(type.schema(), SpecificData.getForClass(c))).write(record.value(), encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Decodes a payload written with the given segment's writer schemas.
   *
   * @param seq the sequence number to give the record (the stored one, or -1 for an earlier process's)
   * @throws IllegalArgumentException when the payload is not a spool record this SDK can read
   */
  Outbound decode(byte[] payload, Map<Byte, Schema> segmentSchemas, boolean keepSeq) {
    ByteBuffer in = ByteBuffer.wrap(payload);
    try {
      byte typeId = in.get();
      long seq = in.getLong();
      byte[] topic = new byte[in.getShort() & 0xffff];
      in.get(topic);
      byte[] key = new byte[in.getInt()];
      in.get(key);
      Type type = TYPES.get(typeId);
      Schema writer = segmentSchemas.get(typeId);
      if (type == null || writer == null) {
        throw new IllegalArgumentException("unknown spool record type " + typeId);
      }
      decoder = DecoderFactory.get().binaryDecoder(payload, in.position(), in.remaining(), decoder);
      SpecificDatumReader<SpecificRecord> reader =
          readers.computeIfAbsent(writer, w -> new SpecificDatumReader<>(w, type.schema(), SpecificData.getForClass(type.type())));
      SpecificRecord value = reader.read(null, decoder);
      return new Outbound(new String(topic, StandardCharsets.UTF_8), new String(key, StandardCharsets.UTF_8), value,
          keepSeq ? seq : -1);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("unreadable spool record: " + e, e);
    }
  }

  private static Type typeOf(SpecificRecord value) {
    for (Type t : TYPES.values()) {
      if (t.type() == value.getClass()) {
        return t;
      }
    }
    throw new IllegalArgumentException("cannot spool " + value.getClass().getName());
  }
}
