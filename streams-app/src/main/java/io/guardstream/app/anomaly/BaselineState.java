package io.guardstream.app.anomaly;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The baseline of one entity (a user, or a cohort of users): a fixed number of robust streaming
 * statistics per feature, so memory is O(features) whatever the history length.
 *
 * <p>Per feature: {@value #SLOTS} floats (level, noise scale, drift, range, ...), a 24-slot
 * hour-of-day profile held as 16-bit multiples of a per-feature unit, and a {@value #BINS}-bin
 * histogram of recent values with 16-bit counts. Serialised size: 11 bytes plus {@value
 * #BYTES_PER_FEATURE} per feature (2,799 bytes for 17 features).
 *
 * <p>What is held in memory is exactly what is serialised (floats, 16-bit profile steps and
 * counts), so {@link #toBytes()} / {@link #fromBytes(byte[])} round-trip exactly: a state read
 * back from the store scores identically to the one written. States written by the previous
 * format (version 1) are read and converted.
 *
 * <p>Mutable and not thread-safe: a state belongs to one stream task at a time. Only {@link
 * AnomalyScorer} and {@link ValueHistogram} read and change the statistics.
 */
public final class BaselineState {

  /** Serialised format version; bump on any layout change and keep reading older versions. */
  static final byte FORMAT_VERSION = 2;
  private static final byte VERSION_1 = 1;

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
  /** Value of one step of the hour-of-day profile; 0 while the profile is all zero. */
  static final int SEASON_UNIT = 10;
  /** Lower edge of the histogram's first bin. */
  static final int HIST_ORIGIN = 11;
  /** Width of one histogram bin; 0 while the histogram has not started. */
  static final int HIST_WIDTH = 12;
  static final int SLOTS = 13;

  static final int HOURS = 24;
  static final int BINS = 32;
  static final int BYTES_PER_FEATURE = SLOTS * Float.BYTES + HOURS * Short.BYTES + BINS * Character.BYTES;

  /** Profile steps stay within +-32767; a new value starts at a quarter of that for headroom. */
  private static final int MAX_STEPS = Short.MAX_VALUE;
  private static final double FIRST_UNIT_STEPS = 16384;

  private static final int HEADER_BYTES = 1 + 2 + 8;
  private static final int V1_SLOTS = 34;
  private static final int V1_SEASON = 10;

  private long updates;
  private final float[] values;
  private final short[] season;
  private final char[] counts;

  private BaselineState(int features, long updates) {
    this.updates = updates;
    this.values = new float[features * SLOTS];
    this.season = new short[features * HOURS];
    this.counts = new char[features * BINS];
  }

  /** A fresh state for {@code features} features that has seen no window yet. */
  public static BaselineState create(int features) {
    if (features <= 0 || features > Short.MAX_VALUE) {
      throw new IllegalArgumentException("features out of range: " + features);
    }
    return new BaselineState(features, 0);
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

  /** The hour-of-day profile's offset for {@code hour}. */
  double season(int feature, int hour) {
    return season[feature * HOURS + hour] * (double) get(feature, SEASON_UNIT);
  }

  /**
   * Sets the profile's offset for {@code hour}, rounded to a whole number of steps. When the value
   * needs more than 16 bits of steps, the step doubles and the other hours are re-rounded to it.
   */
  void setSeason(int feature, int hour, double value) {
    double unit = get(feature, SEASON_UNIT);
    if (unit == 0) {
      if (value == 0 || !Double.isFinite(value)) {
        return;
      }
      set(feature, SEASON_UNIT, Math.abs(value) / FIRST_UNIT_STEPS);
      unit = get(feature, SEASON_UNIT);
      if (unit == 0) {
        return; // below float resolution: indistinguishable from no offset
      }
    }
    int base = feature * HOURS;
    while (Math.abs(value) / unit > MAX_STEPS && Float.isFinite((float) (unit * 2))) {
      unit = (float) (unit * 2);
      for (int h = 0; h < HOURS; h++) {
        season[base + h] = (short) Math.round(season[base + h] / 2.0);
      }
    }
    set(feature, SEASON_UNIT, unit);
    long steps = Math.round(value / unit);
    season[base + hour] = (short) Math.max(-MAX_STEPS, Math.min(MAX_STEPS, steps));
  }

  /** The count in histogram bin {@code bin}. */
  int count(int feature, int bin) {
    return counts[feature * BINS + bin];
  }

  void setCount(int feature, int bin, int count) {
    counts[feature * BINS + bin] = (char) count;
  }

  void countUpdate() {
    updates++;
  }

  /** Serialised size in bytes. */
  public int sizeInBytes() {
    return HEADER_BYTES + features() * BYTES_PER_FEATURE;
  }

  /**
   * Compact, versioned binary form: version, feature count, update count, then the floats, the
   * profile steps and the histogram counts.
   */
  public byte[] toBytes() {
    ByteBuffer b = ByteBuffer.allocate(sizeInBytes());
    b.put(FORMAT_VERSION).putShort((short) features()).putLong(updates);
    for (float v : values) {
      b.putFloat(v);
    }
    for (short v : season) {
      b.putShort(v);
    }
    for (char v : counts) {
      b.putChar(v);
    }
    return b.array();
  }

  /**
   * Reads a state written by {@link #toBytes()}, in this format or the previous one.
   *
   * @throws IllegalArgumentException when the bytes are not a state of a known version
   */
  public static BaselineState fromBytes(byte[] bytes) {
    if (bytes == null || bytes.length < HEADER_BYTES) {
      throw new IllegalArgumentException("baseline state too short");
    }
    ByteBuffer b = ByteBuffer.wrap(bytes);
    byte version = b.get();
    if (version != FORMAT_VERSION && version != VERSION_1) {
      throw new IllegalArgumentException("unknown baseline state version " + version);
    }
    int features = b.getShort();
    long updates = b.getLong();
    int perFeature = version == FORMAT_VERSION ? BYTES_PER_FEATURE : V1_SLOTS * Float.BYTES;
    if (features <= 0 || updates < 0 || bytes.length != HEADER_BYTES + features * perFeature) {
      throw new IllegalArgumentException("corrupt baseline state");
    }
    BaselineState s = new BaselineState(features, updates);
    if (version == VERSION_1) {
      s.readVersion1(b);
      return s;
    }
    for (int i = 0; i < s.values.length; i++) {
      s.values[i] = b.getFloat();
    }
    for (int i = 0; i < s.season.length; i++) {
      s.season[i] = b.getShort();
    }
    for (int i = 0; i < s.counts.length; i++) {
      s.counts[i] = b.getChar();
    }
    return s;
  }

  /**
   * Version 1 held 34 floats per feature: the same first ten statistics, then the 24 profile
   * offsets. The histogram starts empty and fills from the next window on.
   */
  private void readVersion1(ByteBuffer b) {
    float[] old = new float[V1_SLOTS];
    for (int j = 0; j < features(); j++) {
      for (int k = 0; k < V1_SLOTS; k++) {
        old[k] = b.getFloat();
      }
      System.arraycopy(old, 0, values, j * SLOTS, SEASON_UNIT);
      for (int h = 0; h < HOURS; h++) {
        setSeason(j, h, old[V1_SEASON + h]);
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BaselineState other
        && updates == other.updates
        && Arrays.equals(values, other.values)
        && Arrays.equals(season, other.season)
        && Arrays.equals(counts, other.counts);
  }

  @Override
  public int hashCode() {
    return ((31 * Long.hashCode(updates) + Arrays.hashCode(values)) * 31 + Arrays.hashCode(season)) * 31
        + Arrays.hashCode(counts);
  }
}
