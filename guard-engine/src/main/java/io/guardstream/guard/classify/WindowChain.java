package io.guardstream.guard.classify;

import java.util.Arrays;

/**
 * Sums the feature weights of a chain of overlapping windows of one text, reading the text about
 * once instead of once per window. A reference run reads from the chain's start to its end; each
 * later window reads only its first words itself, until its run has settled into the reference
 * run's state (see {@link FeatureHasher.State}), and takes the reference run's sums from there
 * on. Sums and counts are integers, so every window gets exactly what reading it whole gives.
 */
final class WindowChain {

  /** Receives the sum of the weights of a window's features and how many features it has. */
  @FunctionalInterface
  interface WindowSums {
    void accept(long weightSum, int features);
  }

  private static final long END_BIT = 1L << 31;
  private static final int WINDOW_MASK = Integer.MAX_VALUE;

  private final FeatureHasher hasher;
  private final short[] weights;
  private final char[] text;
  private final WindowSums out;
  private int[] from = new int[4];
  private int[] to = new int[4];
  private int windows;

  WindowChain(FeatureHasher hasher, short[] weights, char[] text, WindowSums out) {
    this.hasher = hasher;
    this.weights = weights;
    this.text = text;
    this.out = out;
  }

  /** Adds window {@code [start, end)}; one apart from the chain (a huge text's tail) ends it. */
  void add(int start, int end) {
    if (windows > 0 && start >= to[windows - 1]) {
      flush();
    }
    if (windows == from.length) {
      from = Arrays.copyOf(from, 2 * windows);
      to = Arrays.copyOf(to, 2 * windows);
    }
    from[windows] = start;
    to[windows] = end;
    windows++;
  }

  /** Reports the sums of the windows added since the last flush. */
  void flush() {
    if (windows == 1) {
      FeatureHasher.State st = new FeatureHasher.State();
      int count = hasher.feedWeights(st, text, from[0], to[0], weights, FeatureHasher.Stop.CLOSE);
      out.accept(st.weightSum, count);
    } else if (windows > 1) {
      readChain();
    }
    windows = 0;
  }

  private void readChain() {
    // Later windows first read until settled; those that never settle are read whole.
    FeatureHasher.State[] own = new FeatureHasher.State[windows];
    long[] ownSum = new long[windows];
    int[] ownCount = new int[windows];
    // The reference run stops where a settled window joins it and where a window ends.
    long[] stops = new long[2 * windows];
    int n = 0;
    stops[n++] = stop(to[0], true, 0);
    for (int k = 1; k < windows; k++) {
      own[k] = new FeatureHasher.State();
      ownCount[k] =
          hasher.feedWeights(own[k], text, from[k], to[k], weights, FeatureHasher.Stop.SETTLED);
      if (own[k].settled()) {
        ownSum[k] = own[k].weightSum;
        stops[n++] = stop(own[k].at, false, k);
        stops[n++] = stop(to[k], true, k);
      } else {
        int count = ownCount[k]
            + hasher.feedWeights(own[k], text, to[k], to[k], weights, FeatureHasher.Stop.CLOSE);
        out.accept(own[k].weightSum, count);
      }
    }
    Arrays.sort(stops, 0, n);
    long[] joinSum = new long[windows];
    int[] joinCount = new int[windows];
    FeatureHasher.State ref = new FeatureHasher.State();
    int refCount = 0;
    int pos = from[0];
    for (int i = 0; i < n; i++) {
      int at = (int) (stops[i] >>> 32);
      int k = (int) stops[i] & WINDOW_MASK;
      refCount += hasher.feedWeights(ref, text, pos, at, weights, FeatureHasher.Stop.OPEN);
      pos = at;
      if ((stops[i] & END_BIT) == 0) {
        joinSum[k] = ref.weightSum;
        joinCount[k] = refCount;
        continue;
      }
      // The window ends here: close a copy of the reference run, which goes on unclosed.
      FeatureHasher.State closed = ref.copyOf();
      int closeCount =
          hasher.feedWeights(closed, text, at, at, weights, FeatureHasher.Stop.CLOSE);
      long closeSum = closed.weightSum - ref.weightSum;
      out.accept(ownSum[k] + ref.weightSum - joinSum[k] + closeSum,
          ownCount[k] + refCount - joinCount[k] + closeCount);
    }
  }

  /** A stop of the reference run, ordered by position (a join before an end at one position). */
  private static long stop(int position, boolean end, int window) {
    return (long) position << 32 | (end ? END_BIT : 0) | window;
  }
}
