package io.guardstream.app.activity;

import io.guardstream.app.anomaly.AnomalyScorer;
import io.guardstream.app.anomaly.BaselineState;
import io.guardstream.app.anomaly.HysteresisState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Everything guardstream keeps about one user: per window size the baseline, the alert
 * hysteresis, the open windows and the last scored windows; and the models and tools the user
 * has used (for the first-use feature). Bounded: a few open windows, {@link #RECENT} summaries,
 * {@link #MAX_SEEN} seen hashes.
 */
public final class UserActivity {
  static final byte FORMAT_VERSION = 1;
  public static final int RECENT = 10;
  static final int MAX_SEEN = 64;
  static final int MAX_EXPLANATION = 240;

  /** A scored window, kept for the risk query. */
  public record Summary(long start, long end, double score, String baseline, String explanation) {}

  /** State for one window size. */
  public static final class Window {
    final long sizeMs;
    BaselineState baseline;
    HysteresisState hysteresis = new HysteresisState();
    /** Windows ending at or before this were closed; later events for them are late. */
    long closedUntil = Long.MIN_VALUE;
    final List<WindowAccumulator> open = new ArrayList<>(2);
    final Deque<Summary> recent = new ArrayDeque<>(RECENT);

    Window(long sizeMs, BaselineState baseline) {
      this.sizeMs = sizeMs;
      this.baseline = baseline;
    }

    public long sizeMs() {
      return sizeMs;
    }

    public List<Summary> recent() {
      return List.copyOf(recent);
    }

    public boolean alertOpen() {
      return hysteresis.isOpen();
    }

    WindowAccumulator accumulator(long start) {
      for (WindowAccumulator a : open) {
        if (a.start() == start) {
          return a;
        }
      }
      return null;
    }

    WindowAccumulator remove(long start) {
      for (int i = 0; i < open.size(); i++) {
        if (open.get(i).start() == start) {
          return open.remove(i);
        }
      }
      return null;
    }

    void remember(Summary s) {
      if (recent.size() == RECENT) {
        recent.removeFirst();
      }
      String e = s.explanation();
      recent.addLast(e.length() > MAX_EXPLANATION ? new Summary(s.start(), s.end(), s.score(), s.baseline(),
          e.substring(0, MAX_EXPLANATION)) : s);
    }
  }

  private final Window[] windows;
  private int[] seen = new int[0];

  private UserActivity(Window[] windows) {
    this.windows = windows;
  }

  /** A new user's state for these window sizes. */
  public static UserActivity create(long[] windowSizesMs, AnomalyScorer scorer) {
    Window[] w = new Window[windowSizesMs.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = new Window(windowSizesMs[i], scorer.newState());
    }
    return new UserActivity(w);
  }

  public Window window(int i) {
    return windows[i];
  }

  public int windowCount() {
    return windows.length;
  }

  /** Records a model or tool name; true when the user had not used it before. */
  boolean firstUse(String name) {
    if (name == null) {
      return false;
    }
    int h = name.hashCode();
    for (int v : seen) {
      if (v == h) {
        return false;
      }
    }
    if (seen.length < MAX_SEEN) {
      seen = Arrays.copyOf(seen, seen.length + 1);
      seen[seen.length - 1] = h;
    }
    return true;
  }

  public byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048 * windows.length);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT_VERSION);
      out.writeByte(windows.length);
      for (Window w : windows) {
        out.writeLong(w.sizeMs);
        writeBlob(out, w.baseline.toBytes());
        writeBlob(out, w.hysteresis.toBytes());
        out.writeLong(w.closedUntil);
        out.writeByte(w.open.size());
        for (WindowAccumulator a : w.open) {
          a.write(out);
        }
        out.writeByte(w.recent.size());
        for (Summary s : w.recent) {
          out.writeLong(s.start());
          out.writeLong(s.end());
          out.writeFloat((float) s.score());
          out.writeUTF(s.baseline());
          out.writeUTF(s.explanation());
        }
      }
      out.writeByte(seen.length);
      for (int v : seen) {
        out.writeInt(v);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Decodes a stored state; returns a fresh one when the bytes were written for other window
   * sizes, another feature list or another format (the configuration changed).
   */
  public static UserActivity fromBytes(byte[] bytes, long[] windowSizesMs, AnomalyScorer scorer) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      if (in.readByte() != FORMAT_VERSION || in.readByte() != windowSizesMs.length) {
        return create(windowSizesMs, scorer);
      }
      Window[] w = new Window[windowSizesMs.length];
      for (int i = 0; i < w.length; i++) {
        long size = in.readLong();
        BaselineState baseline = BaselineState.fromBytes(readBlob(in));
        if (size != windowSizesMs[i] || baseline.features() != scorer.spec().size()) {
          return create(windowSizesMs, scorer);
        }
        w[i] = new Window(size, baseline);
        w[i].hysteresis = HysteresisState.fromBytes(readBlob(in));
        w[i].closedUntil = in.readLong();
        int open = in.readByte();
        for (int j = 0; j < open; j++) {
          w[i].open.add(WindowAccumulator.read(in));
        }
        int recent = in.readByte();
        for (int j = 0; j < recent; j++) {
          w[i].recent.addLast(new Summary(in.readLong(), in.readLong(), in.readFloat(), in.readUTF(), in.readUTF()));
        }
      }
      UserActivity activity = new UserActivity(w);
      int seen = in.readUnsignedByte();
      activity.seen = new int[seen];
      for (int i = 0; i < seen; i++) {
        activity.seen[i] = in.readInt();
      }
      return activity;
    } catch (IOException | RuntimeException e) {
      return create(windowSizesMs, scorer);
    }
  }

  private static void writeBlob(DataOutputStream out, byte[] blob) throws IOException {
    out.writeShort(blob.length);
    out.write(blob);
  }

  private static byte[] readBlob(DataInputStream in) throws IOException {
    byte[] blob = new byte[in.readUnsignedShort()];
    in.readFully(blob);
    return blob;
  }
}
