package io.guardstream.app.activity;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * One open window of one user: sums of the count features, capped sets of distinct session / IP
 * / tool hashes, and the off-hours event count. Memory is bounded by {@link #MAX_DISTINCT}.
 */
public final class WindowAccumulator {
  /** Distinct values tracked per kind; beyond it the count saturates (already anomalous). */
  static final int MAX_DISTINCT = 64;

  private final long start;
  private final double[] sums;
  private int[] sessions = new int[0];
  private int[] ips = new int[0];
  private int[] tools = new int[0];
  private int offHours;

  WindowAccumulator(long start) {
    this.start = start;
    this.sums = new double[ActivityFeatures.SPEC.size()];
  }

  public long start() {
    return start;
  }

  void add(int feature, double amount) {
    sums[feature] += amount;
  }

  void offHours() {
    offHours++;
  }

  void session(String id) {
    sessions = addDistinct(sessions, id);
  }

  void ip(String ip) {
    ips = addDistinct(ips, ip);
  }

  void tool(String name) {
    tools = addDistinct(tools, name);
  }

  /** The window's feature vector. */
  double[] features() {
    double[] x = sums.clone();
    x[ActivityFeatures.DISTINCT_SESSIONS] = sessions.length;
    x[ActivityFeatures.DISTINCT_IPS] = ips.length;
    x[ActivityFeatures.DISTINCT_TOOLS] = tools.length;
    double events = sums[ActivityFeatures.EVENTS];
    x[ActivityFeatures.OFF_HOURS] = events == 0 ? 0 : offHours / events;
    return x;
  }

  private static int[] addDistinct(int[] set, String value) {
    if (value == null || set.length >= MAX_DISTINCT) {
      return set;
    }
    int h = value.hashCode();
    for (int v : set) {
      if (v == h) {
        return set;
      }
    }
    int[] next = Arrays.copyOf(set, set.length + 1);
    next[set.length] = h;
    return next;
  }

  void write(DataOutput out) throws IOException {
    out.writeLong(start);
    out.writeByte(sums.length);
    for (double s : sums) {
      out.writeFloat((float) s);
    }
    writeInts(out, sessions);
    writeInts(out, ips);
    writeInts(out, tools);
    out.writeInt(offHours);
  }

  static WindowAccumulator read(DataInput in) throws IOException {
    WindowAccumulator acc = new WindowAccumulator(in.readLong());
    int n = in.readByte();
    for (int i = 0; i < n; i++) {
      float v = in.readFloat();
      if (i < acc.sums.length) {
        acc.sums[i] = v;
      }
    }
    acc.sessions = readInts(in);
    acc.ips = readInts(in);
    acc.tools = readInts(in);
    acc.offHours = in.readInt();
    return acc;
  }

  private static void writeInts(DataOutput out, int[] values) throws IOException {
    out.writeByte(values.length);
    for (int v : values) {
      out.writeInt(v);
    }
  }

  private static int[] readInts(DataInput in) throws IOException {
    int[] values = new int[in.readUnsignedByte()];
    for (int i = 0; i < values.length; i++) {
      values[i] = in.readInt();
    }
    return values;
  }
}
