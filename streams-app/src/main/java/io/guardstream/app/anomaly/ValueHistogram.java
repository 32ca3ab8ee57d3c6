package io.guardstream.app.anomaly;

/**
 * A feature's recent values as a histogram of {@link BaselineState#BINS} equal bins held in its
 * {@link BaselineState}: how often values like this one have been seen. Values that keep coming
 * back (a daily batch job's burst, a metric that flips between two levels) are not news however
 * far they are from the mean; a value in an empty bin is. {@link AnomalyScorer} decides what is
 * counted (the value, or the value less its hour's profile offset).
 *
 * <p>The bins start over the range seen while the baseline warmed up and double in width, merging
 * neighbours, whenever a value falls outside them, so the whole history stays covered with a fixed
 * number of bins. Counts are halved whenever their total reaches {@link #MEMORY}, so the histogram
 * reflects roughly the last {@code MEMORY} to {@code 2 * MEMORY} values.
 */
final class ValueHistogram {

  /** Values the histogram remembers before old counts start to fade (halving keeps counts within 16 bits). */
  static final int MEMORY = 4096;
  private static final int BINS = BaselineState.BINS;
  private static final int HALF = BINS / 2;

  private ValueHistogram() {}

  /** How many remembered values share {@code x}'s bin; 0 for a value outside every bin. */
  static int seen(BaselineState s, int feature, double x) {
    int bin = bin(s, feature, x);
    return bin < 0 ? 0 : s.count(feature, bin);
  }

  /**
   * Counts {@code x}. The first call lays the bins over [{@code low}, {@code high}], no narrower
   * than {@code minWidth} each.
   */
  static void add(BaselineState s, int feature, double x, double low, double high, double minWidth) {
    if (s.get(feature, BaselineState.HIST_WIDTH) == 0) {
      s.set(feature, BaselineState.HIST_ORIGIN, low);
      s.set(feature, BaselineState.HIST_WIDTH, Math.max((high - low) / BINS, Math.max(minWidth, Float.MIN_NORMAL)));
    }
    while (bin(s, feature, x) < 0 && widen(s, feature, x)) {
      // each pass doubles the covered range towards x
    }
    int bin = bin(s, feature, x);
    if (bin < 0) {
      return; // beyond what a float range can cover; nothing sensible to count
    }
    int total = 0;
    for (int i = 0; i < BINS; i++) {
      total += s.count(feature, i);
    }
    if (total >= MEMORY) {
      for (int i = 0; i < BINS; i++) {
        s.setCount(feature, i, s.count(feature, i) / 2);
      }
    }
    s.setCount(feature, bin, s.count(feature, bin) + 1);
  }

  /** Doubles the bin width towards {@code x}, merging neighbouring bins; false when it cannot grow. */
  private static boolean widen(BaselineState s, int feature, double x) {
    double origin = s.get(feature, BaselineState.HIST_ORIGIN);
    double width = s.get(feature, BaselineState.HIST_WIDTH);
    float wider = (float) (width * 2);
    if (!Float.isFinite(wider)) {
      return false;
    }
    if (x >= origin) {
      // Grow upwards: the merged bins fill the lower half.
      for (int i = 0; i < HALF; i++) {
        s.setCount(feature, i, s.count(feature, 2 * i) + s.count(feature, 2 * i + 1));
      }
      for (int i = HALF; i < BINS; i++) {
        s.setCount(feature, i, 0);
      }
    } else {
      // Grow downwards: the merged bins fill the upper half and the origin moves down.
      for (int i = HALF - 1; i >= 0; i--) {
        s.setCount(feature, HALF + i, s.count(feature, 2 * i) + s.count(feature, 2 * i + 1));
      }
      for (int i = 0; i < HALF; i++) {
        s.setCount(feature, i, 0);
      }
      s.set(feature, BaselineState.HIST_ORIGIN, origin - BINS * width);
    }
    s.set(feature, BaselineState.HIST_WIDTH, wider);
    return true;
  }

  /** The bin holding {@code x}, or -1 when the histogram has not started or x is outside it. */
  private static int bin(BaselineState s, int feature, double x) {
    double width = s.get(feature, BaselineState.HIST_WIDTH);
    if (width == 0) {
      return -1;
    }
    double position = (x - s.get(feature, BaselineState.HIST_ORIGIN)) / width;
    if (!(position >= 0 && position < BINS)) {
      return -1;
    }
    return (int) position;
  }
}
