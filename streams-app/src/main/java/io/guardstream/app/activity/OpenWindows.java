package io.guardstream.app.activity;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.LoggerFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The part of a user's state that every event touches: per window size the open windows and how
 * far windows are closed, and the models and tools the user has used. Kept apart from the
 * baselines so the per-event read and write stay a few hundred bytes.
 */
public final class OpenWindows {
  static final byte FORMAT_VERSION = 1;
  static final int MAX_SEEN = 64;

  private final long[] closedUntil;
  private final List<List<WindowAccumulator>> open;
  private int[] seen = new int[0];

  private OpenWindows(int sizes) {
    closedUntil = new long[sizes];
    Arrays.fill(closedUntil, Long.MIN_VALUE);
    open = new ArrayList<>(sizes);
    for (int i = 0; i < sizes; i++) {
      open.add(new ArrayList<>(2));
    }
  }

  static OpenWindows create(int sizes) {
    return new OpenWindows(sizes);
  }

  /** Windows of size index {@code i} ending at or before this are closed; later events for them are late. */
  long closedUntil(int i) {
    return closedUntil[i];
  }

  void closedUntil(int i, long end) {
    closedUntil[i] = Math.max(closedUntil[i], end);
  }

  WindowAccumulator accumulator(int i, long start) {
    for (WindowAccumulator a : open.get(i)) {
      if (a.start() == start) {
        return a;
      }
    }
    return null;
  }

  WindowAccumulator open(int i, long start) {
    WindowAccumulator a = new WindowAccumulator(start);
    open.get(i).add(a);
    return a;
  }

  WindowAccumulator remove(int i, long start) {
    List<WindowAccumulator> list = open.get(i);
    for (int j = 0; j < list.size(); j++) {
      if (list.get(j).start() == start) {
        return list.remove(j);
      }
    }
    return null;
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
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT_VERSION);
      out.writeByte(closedUntil.length);
      for (int i = 0; i < closedUntil.length; i++) {
        out.writeLong(closedUntil[i]);
        out.writeByte(open.get(i).size());
        for (WindowAccumulator a : open.get(i)) {
          a.write(out);
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

  /** Decodes stored state; a fresh state when it was written for another number of window sizes. */
  static OpenWindows fromBytes(byte[] bytes, int sizes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      if (in.readByte() != FORMAT_VERSION || in.readByte() != sizes) {
        return create(sizes);
      }
      OpenWindows w = new OpenWindows(sizes);
      for (int i = 0; i < sizes; i++) {
        w.closedUntil[i] = in.readLong();
        int n = in.readByte();
        for (int j = 0; j < n; j++) {
          w.open.get(i).add(WindowAccumulator.read(in));
        }
      }
      w.seen = new int[in.readUnsignedByte()];
      for (int i = 0; i < w.seen.length; i++) {
        w.seen[i] = in.readInt();
      }
      return w;
    } catch (IOException | RuntimeException e) {
      // A corrupt record must not stop the stream: the user starts over, which costs one warm-up.
      LoggerFactory.getLogger(OpenWindows.class).warn("discarding unreadable open-window state: {}", e.toString());
      return create(sizes);
    }
  }
}
