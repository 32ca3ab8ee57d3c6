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
import org.slf4j.LoggerFactory;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * What a user's closed windows taught: per window size the baseline, the alert hysteresis and the
 * last {@link #RECENT} scored windows (served by the risk query). Touched once per closed window.
 */
public final class UserBaselines {
  static final byte FORMAT_VERSION = 1;
  public static final int RECENT = 10;
  static final int MAX_EXPLANATION = 240;

  /** A scored window. */
  public record Summary(long start, long end, double score, String baseline, String explanation) {}

  /** State for one window size. */
  public static final class Window {
    final long sizeMs;
    BaselineState baseline;
    HysteresisState hysteresis = new HysteresisState();
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

    void remember(Summary s) {
      if (recent.size() == RECENT) {
        recent.removeFirst();
      }
      String e = s.explanation();
      recent.addLast(e.length() > MAX_EXPLANATION
          ? new Summary(s.start(), s.end(), s.score(), s.baseline(), e.substring(0, MAX_EXPLANATION)) : s);
    }
  }

  private final Window[] windows;

  private UserBaselines(Window[] windows) {
    this.windows = windows;
  }

  static UserBaselines create(long[] sizesMs, AnomalyScorer scorer) {
    Window[] w = new Window[sizesMs.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = new Window(sizesMs[i], scorer.newState());
    }
    return new UserBaselines(w);
  }

  public Window window(int i) {
    return windows[i];
  }

  public int windowCount() {
    return windows.length;
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
        out.writeByte(w.recent.size());
        for (Summary s : w.recent) {
          out.writeLong(s.start());
          out.writeLong(s.end());
          out.writeFloat((float) s.score());
          out.writeUTF(s.baseline());
          out.writeUTF(s.explanation());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Decodes stored baselines; fresh ones when they were written for other window sizes or another
   * feature list (the configuration changed), since old baselines cannot score new features.
   */
  static UserBaselines fromBytes(byte[] bytes, long[] sizesMs, AnomalyScorer scorer) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      if (in.readByte() != FORMAT_VERSION || in.readByte() != sizesMs.length) {
        return create(sizesMs, scorer);
      }
      Window[] w = new Window[sizesMs.length];
      for (int i = 0; i < w.length; i++) {
        long size = in.readLong();
        BaselineState baseline = BaselineState.fromBytes(readBlob(in));
        if (size != sizesMs[i] || baseline.features() != scorer.spec().size()) {
          return create(sizesMs, scorer);
        }
        w[i] = new Window(size, baseline);
        w[i].hysteresis = HysteresisState.fromBytes(readBlob(in));
        int recent = in.readByte();
        for (int j = 0; j < recent; j++) {
          w[i].recent.addLast(new Summary(in.readLong(), in.readLong(), in.readFloat(), in.readUTF(), in.readUTF()));
        }
      }
      return new UserBaselines(w);
    } catch (IOException | RuntimeException e) {
      // A corrupt record must not stop the stream: the user starts over, which costs one warm-up.
      LoggerFactory.getLogger(UserBaselines.class).warn("discarding unreadable baseline state: {}", e.toString());
      return create(sizesMs, scorer);
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
