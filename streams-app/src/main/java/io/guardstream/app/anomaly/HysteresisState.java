package io.guardstream.app.anomaly;

import java.nio.ByteBuffer;

/**
 * Per-entity state of {@link AlertHysteresis}: whether an alert is open, how many windows it has
 * lasted, its peak score and the current run of quiet windows. Mutable, one stream task at a time.
 */
public final class HysteresisState {

  static final byte FORMAT_VERSION = 1;
  private static final int BYTES = 1 + 1 + 4 + 4 + 4;

  private boolean open;
  private int windows;
  private int quietRun;
  private float peak;

  /** No alert open. */
  public HysteresisState() {}

  private HysteresisState(boolean open, int windows, int quietRun, float peak) {
    this.open = open;
    this.windows = windows;
    this.quietRun = quietRun;
    this.peak = peak;
  }

  public boolean isOpen() {
    return open;
  }

  /** Windows the open (or last) alert has spanned. */
  public int windows() {
    return windows;
  }

  /** Highest score of the open (or last) alert. */
  public double peakScore() {
    return peak;
  }

  void open(double score) {
    open = true;
    windows = 1;
    quietRun = 0;
    peak = (float) score;
  }

  void active(double score) {
    windows++;
    quietRun = 0;
    peak = Math.max(peak, (float) score);
  }

  /** Counts one more quiet window and returns the length of the quiet run. */
  int quiet() {
    windows++;
    return ++quietRun;
  }

  void close() {
    open = false;
    quietRun = 0;
  }

  /** Version, flags, windows, quiet run, peak: 14 bytes. */
  public byte[] toBytes() {
    return ByteBuffer.allocate(BYTES)
        .put(FORMAT_VERSION)
        .put((byte) (open ? 1 : 0))
        .putInt(windows)
        .putInt(quietRun)
        .putFloat(peak)
        .array();
  }

  /**
   * Reads a state written by {@link #toBytes()}.
   *
   * @throws IllegalArgumentException when the bytes are not a state of a known version
   */
  public static HysteresisState fromBytes(byte[] bytes) {
    if (bytes == null || bytes.length != BYTES) {
      throw new IllegalArgumentException("hysteresis state must be " + BYTES + " bytes");
    }
    ByteBuffer b = ByteBuffer.wrap(bytes);
    byte version = b.get();
    if (version != FORMAT_VERSION) {
      throw new IllegalArgumentException("unknown hysteresis state version " + version);
    }
    byte flags = b.get();
    int windows = b.getInt();
    int quietRun = b.getInt();
    float peak = b.getFloat();
    if ((flags & ~1) != 0 || windows < 0 || quietRun < 0) {
      throw new IllegalArgumentException("corrupt hysteresis state");
    }
    return new HysteresisState(flags == 1, windows, quietRun, peak);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HysteresisState h && open == h.open && windows == h.windows
        && quietRun == h.quietRun && Float.compare(peak, h.peak) == 0;
  }

  @Override
  public int hashCode() {
    return ((Boolean.hashCode(open) * 31 + windows) * 31 + quietRun) * 31 + Float.hashCode(peak);
  }
}
