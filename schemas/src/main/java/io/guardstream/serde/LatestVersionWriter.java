package io.guardstream.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.EncoderFactory;

/**
 * Writes a record in a subject's latest schema when the record's own schema differs from it
 * (use.latest.version): the record is encoded in its own schema, read back into the latest one by
 * Avro schema resolution (new fields take their defaults), then encoded. Only used on that path;
 * records whose schema is the latest one are written directly.
 */
final class LatestVersionWriter implements DatumWriter<Object> {
  private final DatumWriter<Object> own;
  private final GenericDatumReader<Object> resolver;
  private final GenericDatumWriter<Object> latestWriter;

  LatestVersionWriter(DatumWriter<Object> own, Schema ownSchema, Schema latest) {
    this.own = own;
    this.resolver = new GenericDatumReader<>(ownSchema, latest, GenericData.get());
    this.latestWriter = new GenericDatumWriter<>(latest, GenericData.get());
  }

  @Override
  public void setSchema(Schema schema) {
    throw new UnsupportedOperationException("the schemas are fixed at construction");
  }

  @Override
  public void write(Object datum, Encoder out) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(bytes, null);
    own.write(datum, encoder);
    encoder.flush();
    Object converted = resolver.read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
    latestWriter.write(converted, out);
  }
}
