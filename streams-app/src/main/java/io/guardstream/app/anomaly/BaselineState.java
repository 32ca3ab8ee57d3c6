package io.guardstream.app.anomaly;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The baseline of one entity (a user, or a cohort of users): a fixed number of robust streaming
 * statistics per feature, so memory is O(features) whatever the history length.
 *
 * <p>Serialised size: 11 bytes plus 136 per feature (2,051 bytes for 15 features), most of it the
 * 24-slot hour-of-day profile.
 *
 * <p>Values are held as floats so that {@link #toBytes()} / {@link #fromBytes(byte[])} round-trip
 * exactly: a state read back from the store scores identically to the one written.
 *
 * <p>Mutable and not thread-safe: a state belongs to one stream task at a time. Only {@link
 * AnomalyScorer} reads and changes the statistics.
 */
public final class BaselineState {

  /** Serialised format version; bump on any layout change and keep reading older versions. */
  static final byte FORMAT_VERSION = 1;

  // Float slots per feature.
  static final int LEVEL = 0;
  static final int SCALE = 1;
  static final int DRIFT = 2;
  static final int DRIFT_SCALE = 3;
  static final int SURPRISE_MEAN = 4;
  static final int PEAK = 5;
  static final int MAX = 6;
  static final int MIN = 7;
  static final int SEASON_SCALE = 8;
  static final int SEASON_LEVEL = 9;
  /** First of 24 hour-of-day offsets. */
  static final int SEASON = 10;
  static final int SLOTS = SEASON + 24;

  private static final int HEADER_BYTES = 1 + 2 + 8;

  private long updates;
  private final float[] values;

  private BaselineState(int features, long updates, float[] values) {
    this.updates = updates;
    this.values = values;
    if (values.length != features * SLOTS) {
      throw new IllegalArgumentException("state size does not match " + features + " features");
    }
  }

  /** A fresh state for {@code features} features that has seen no window yet. */
  public static BaselineState create(int features) {
    if (features <= 0 || features > Short.MAX_VALUE) {
      throw new IllegalArgumentException("features out of range: " + features);
    }
    return new BaselineState(features, 0, new float[features * SLOTS]);
  }

  /** Number of feature columns. */
  public int features() {
    return values.length / SLOTS;
  }

  /** Windows folded into this baseline so far. */
  public long updates() {
    return updates;
  }

  /** The central value the baseline expects for {@code feature}. */
  public double expected(int feature) {
    return get(feature, LEVEL);
  }

  float get(int feature, int slot) {
    return values[feature * SLOTS + slot];
  }

  void set(int feature, int slot, double value) {
    values[feature * SLOTS + slot] = (float) value;
  }

  void countUpdate() {
    updates++;
  }

  /** Serialised size in bytes. */
  public int sizeInBytes() {
    return HEADER_BYTES + values.length * Float.BYTES;
  }

  /** Compact, versioned binary form: version, feature count, update count, then the floats. */
  public byte[] toBytes() {
    ByteBuffer b = ByteBuffer.allocate(sizeInBytes());
    b.put(FORMAT_VERSION).putShort((short) features()).putLong(updates);
    for (float v : values) {
      b.putFloat(v);
    }
    return b.array();
  }

  /**
   * Reads a state written by {@link #toBytes()}.
   *
   * @throws IllegalArgumentException when the bytes are not a state of a known version
   */
  public static BaselineState fromBytes(byte[] bytes) {
    if (bytes == null || bytes.length < HEADER_BYTES) {
      throw new IllegalArgumentException("baseline state too short");
    }
    ByteBuffer b = ByteBuffer.wrap(bytes);
    byte version = b.get();
    if (version != FORMAT_VERSION) {
      throw new IllegalArgumentException("unknown baseline state version " + version);
    }
    int features = b.getShort();
    long updates = b.getLong();
    if (features <= 0 || bytes.length != HEADER_BYTES + features * SLOTS * Float.BYTES || updates < 0) {
      throw new IllegalArgumentException("corrupt baseline state");
    }
    float[] values = new float[features * SLOTS];
    for (int i = 0; i < values.length; i++) {
      values[i] = b.getFloat();
    }
    return new BaselineState(features, updates, values);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BaselineState other
        && updates == other.updates
        && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return 31 * Long.hashCode(updates) + Arrays.hashCode(values);
  }
}
