package io.guardstream.guard.classify;

import java.util.Arrays;
import java.util.List;

/**
 * The training texts as sparse rows, one per scoring window, in compressed-row form. A row's
 * values are its feature counts divided by the square root of its total count: exactly the vector
 * {@link PromptAttackClassifier} scores. The rows of one text are contiguous.
 */
final class FeatureMatrix {

  private final int columns;
  /** Rows of text {@code t} are {@code [textStart[t], textStart[t + 1])}. */
  private final int[] textStart;
  /** Entries of row {@code r} are {@code [rowStart[r], rowStart[r + 1])}. */
  private final int[] rowStart;
  private final int[] index;
  private final float[] value;

  private FeatureMatrix(int columns, int[] textStart, int[] rowStart, int[] index,
      float[] value) {
    this.columns = columns;
    this.textStart = textStart;
    this.rowStart = rowStart;
    this.index = index;
    this.value = value;
  }

  /** Hashes every window of every text with the same hasher and windows scoring uses. */
  static FeatureMatrix build(List<LabelledText> texts, FeatureHasher hasher, int windowChars,
      int maxScanChars) {
    Builder builder = new Builder(hasher);
    int[] textStart = new int[texts.size() + 1];
    for (int t = 0; t < texts.size(); t++) {
      textStart[t] = builder.rows;
      String text = texts.get(t).text();
      char[] chars = text.toCharArray();
      TextWindows.forEach(text, windowChars, maxScanChars,
          (from, to) -> builder.row(chars, from, to));
    }
    textStart[texts.size()] = builder.rows;
    return new FeatureMatrix(hasher.buckets(), textStart,
        Arrays.copyOf(builder.rowStart, builder.rows + 1),
        Arrays.copyOf(builder.index, builder.size), Arrays.copyOf(builder.value, builder.size));
  }

  int columns() {
    return columns;
  }

  int firstRow(int text) {
    return textStart[text];
  }

  int endRow(int text) {
    return textStart[text + 1];
  }

  /** {@code bias + w · row}. */
  double dot(int row, double[] w, double bias) {
    double z = bias;
    for (int k = rowStart[row], end = rowStart[row + 1]; k < end; k++) {
      z += w[index[k]] * value[k];
    }
    return z;
  }

  /** {@code g += scale * row}. */
  void addTo(int row, double scale, double[] g) {
    for (int k = rowStart[row], end = rowStart[row + 1]; k < end; k++) {
      g[index[k]] += scale * value[k];
    }
  }

  /** Accumulates rows; merges repeated features of a row into one count. */
  private static final class Builder {
    private final FeatureHasher hasher;
    private int[] scratch = new int[1 << 12];
    private int scratchSize;
    private int[] rowStart = new int[1 << 12];
    private int rows;
    private int[] index = new int[1 << 20];
    private float[] value = new float[1 << 20];
    private int size;

    Builder(FeatureHasher hasher) {
      this.hasher = hasher;
    }

    void row(char[] text, int from, int to) {
      scratchSize = 0;
      int n = hasher.hash(text, from, to, bucket -> {
        if (scratchSize == scratch.length) {
          scratch = Arrays.copyOf(scratch, scratch.length * 2);
        }
        scratch[scratchSize++] = bucket;
      });
      Arrays.sort(scratch, 0, scratchSize);
      double norm = n == 0 ? 0 : 1.0 / Math.sqrt(n);
      for (int i = 0; i < scratchSize; ) {
        int j = i;
        while (j < scratchSize && scratch[j] == scratch[i]) {
          j++;
        }
        append(scratch[i], (float) ((j - i) * norm));
        i = j;
      }
      rows++;
      if (rows + 1 >= rowStart.length) {
        rowStart = Arrays.copyOf(rowStart, rowStart.length * 2);
      }
      rowStart[rows] = size;
    }

    private void append(int column, float v) {
      if (size == index.length) {
        if (index.length >= Integer.MAX_VALUE / 2) {
          throw new IllegalStateException("corpus too large to train in memory");
        }
        index = Arrays.copyOf(index, index.length * 2);
        value = Arrays.copyOf(value, value.length * 2);
      }
      index[size] = column;
      value[size] = v;
      size++;
    }
  }
}
