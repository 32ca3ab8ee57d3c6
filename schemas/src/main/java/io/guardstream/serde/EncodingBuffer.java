package io.guardstream.serde;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;

/**
 * A reusable output buffer and the Avro encoder writing into it. Unlike ByteArrayOutputStream it
 * takes no lock per write: a buffer is used by one thread at a time.
 */
final class EncodingBuffer extends OutputStream {
  private static final int INITIAL_SIZE = 512;
  /** Buffers grown past this by one large record are not kept for the next one. */
  private static final int RETAIN_LIMIT = 1 << 20;

  private byte[] bytes = new byte[INITIAL_SIZE];
  private int size;
  private final BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(this, null);

  /** Header followed by the datum's Avro binary encoding, as a new array of exactly that size. */
  byte[] encode(byte[] header, DatumWriter<Object> writer, Object datum) throws IOException {
    size = 0;
    write(header, 0, header.length);
    writer.write(datum, encoder);
    encoder.flush();
    byte[] result = Arrays.copyOf(bytes, size);
    if (bytes.length > RETAIN_LIMIT) {
      bytes = new byte[INITIAL_SIZE];
    }
    return result;
  }

  @Override
  public void write(int b) {
    ensure(1);
    bytes[size++] = (byte) b;
  }

  @Override
  public void write(byte[] source, int offset, int length) {
    ensure(length);
    System.arraycopy(source, offset, bytes, size, length);
    size += length;
  }

  private void ensure(int extra) {
    int needed = size + extra;
    if (needed > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
    }
  }
}
