package io.guardstream.guard.classify;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Binary model file: a gzip stream holding a header (format, version, feature and window
 * parameters, bias, threshold) and the non-zero weights as (index delta, 16-bit quantised value)
 * pairs. Weights are stored exactly as the classifier uses them, so a saved and reloaded model
 * scores identically.
 */
final class ModelCodec {

  private static final int MAGIC = 0x47535041; // "GSPA"
  private static final int FORMAT = 1;

  private ModelCodec() {}

  static void write(PromptAttackClassifier.Parameters model, OutputStream out) throws IOException {
    GZIPOutputStream gzip = new GZIPOutputStream(out);
    DataOutputStream data = new DataOutputStream(new BufferedOutputStream(gzip));
    data.writeInt(MAGIC);
    data.writeInt(FORMAT);
    data.writeUTF(model.version());
    data.writeInt(model.bits());
    data.writeInt(model.charMin());
    data.writeInt(model.charMax());
    data.writeInt(model.wordMax());
    data.writeInt(model.windowChars());
    data.writeInt(model.maxScanChars());
    data.writeDouble(model.bias());
    data.writeDouble(model.threshold());
    data.writeFloat(model.weightScale());
    short[] q = model.quantisedWeights();
    int nonZero = 0;
    for (short v : q) {
      if (v != 0) {
        nonZero++;
      }
    }
    data.writeInt(q.length);
    data.writeInt(nonZero);
    int last = -1;
    for (int i = 0; i < q.length; i++) {
      if (q[i] != 0) {
        writeVarInt(data, i - last);
        data.writeShort(q[i]);
        last = i;
      }
    }
    data.flush();
    gzip.finish(); // completes the stream but leaves closing `out` to the caller
  }

  static PromptAttackClassifier.Parameters read(InputStream in) throws IOException {
    DataInputStream data =
        new DataInputStream(new BufferedInputStream(new GZIPInputStream(in)));
    if (data.readInt() != MAGIC) {
      throw new IOException("not a guardstream prompt-attack model");
    }
    int format = data.readInt();
    if (format != FORMAT) {
      throw new IOException("unsupported model format " + format + " (expected " + FORMAT + ")");
    }
    String version = data.readUTF();
    int bits = data.readInt();
    int charMin = data.readInt();
    int charMax = data.readInt();
    int wordMax = data.readInt();
    int windowChars = data.readInt();
    int maxScanChars = data.readInt();
    double bias = data.readDouble();
    double threshold = data.readDouble();
    float scale = data.readFloat();
    int length = data.readInt();
    if (bits < 10 || bits > 24 || length != 1 << bits) {
      throw new IOException("weight count " + length + " does not match " + bits + " hash bits");
    }
    int nonZero = data.readInt();
    if (nonZero < 0 || nonZero > length) {
      throw new IOException("corrupt model: " + nonZero + " non-zero weights of " + length);
    }
    short[] q = new short[length];
    int index = -1;
    for (int k = 0; k < nonZero; k++) {
      index += readVarInt(data);
      if (index < 0 || index >= length) {
        throw new IOException("corrupt model: weight index " + index + " out of range");
      }
      q[index] = data.readShort();
    }
    try {
      return new PromptAttackClassifier.Parameters(version, bits, charMin, charMax, wordMax,
          windowChars, maxScanChars, bias, threshold, scale, q);
    } catch (IllegalArgumentException e) {
      throw new IOException("corrupt model: " + e.getMessage(), e);
    }
  }

  private static void writeVarInt(DataOutputStream out, int value) throws IOException {
    while ((value & ~0x7F) != 0) {
      out.writeByte((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    out.writeByte(value);
  }

  private static int readVarInt(DataInputStream in) throws IOException {
    int value = 0;
    for (int shift = 0; shift < 32; shift += 7) {
      int b = in.readUnsignedByte();
      value |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new IOException("corrupt model: variable-length integer too long");
  }
}
