package io.guardstream.app.anomaly;

import io.guardstream.app.anomaly.AnomalyScore.BaselineKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Scores the feature vectors of successive windows against an entity's baseline, and folds them
 * into it. Stateless itself (safe to share between threads): the state lives in {@link
 * BaselineState}s that the caller stores, O(features) each.
 *
 * <p>Per window: call {@link #score} (it only reads the state, so a window is judged by the history
 * before it), then {@link #update}. For the cohort fallback, also {@link #update} the cohort's
 * state with every member's window.
 *
 * <p>Per feature the baseline keeps robust exponentially weighted statistics, and each window is
 * judged on two time scales:
 *
 * <ul>
 *   <li><b>point</b>: the value against a level and noise scale (mean absolute deviation), or
 *       against an hour-of-day profile when that has been predicting the feature better. Level and
 *       profile learn from residuals clipped at {@code clip} scales, so one outlier barely moves
 *       them and a sustained shift is absorbed over many windows rather than at once;
 *   <li><b>drift</b>: a short-term average of the (clipped) deviations, which catches a sustained
 *       moderate shift that no single window shows.
 * </ul>
 *
 * <p>A deviation's surprise is {@code -log10} of its probability under a normal noise model, then
 * corrected in three ways that make one incident read as one burst of score and make features and
 * entities compare on one scale:
 *
 * <ul>
 *   <li><b>calibration</b>: a heavy-tailed or bursty feature, whose surprises routinely average more
 *       than a well-modelled one's, has them shrunk by the ratio;
 *   <li><b>familiarity</b>: a point surprise is divided by one plus the number of recent values in
 *       the same bin of the feature's {@link ValueHistogram}: a value that keeps coming back (a
 *       daily burst, a flip between two levels) is not news however far it is from the mean. For a
 *       feature ruled by its daily profile the histogram holds values less their hour's offset, so
 *       the hour still matters. The drift view is not discounted, so a sustained shift to a
 *       familiar level can still count;
 *   <li><b>recency</b>: only the part of a surprise above the largest recent one counts (the peak
 *       remembers surprises before the familiarity discount, so a run of familiar extremes also
 *       sets the bar); a value that sets a new record beyond the range the feature has kept counts
 *       at least a modest surprise, so a creeping drift to never-seen levels keeps registering
 *       without re-alerting.
 * </ul>
 *
 * <p>The window's surprise is the largest feature surprise less {@code log10(features)} (more
 * features, more chances to look odd by accident), mapped to a 0-100 score.
 */
public final class AnomalyScorer {

  /** Per hour-of-day bucket visit: the daily profile follows changes within a few days. */
  private static final double SEASON_RATE = 0.2;
  /**
   * A feature whose daily profile's noise scale is below this share of the plain one is ruled by
   * the hour: its histogram holds values less their hour's offset, so a value common at noon is
   * still news at 3 a.m.
   */
  private static final double PROFILE_DOMINANCE = 0.25;
  /** A new record must pass the kept range by this share of its width. */
  private static final double RANGE_TOLERANCE = 0.01;
  /**
   * A new record is worth at least this surprise (a 1-in-100 deviation) even within an incident:
   * the feature went where it has not been, but only a surprise above the recent peak re-alerts.
   */
  private static final double RECORD_SURPRISE = 2.0;
  /** The range relaxes towards the level 300 times slower than the level learns. */
  private static final double RANGE_MEMORY = 1.0 / 300;
  /** Noise scale floor as a share of the level's magnitude (a flat series is not infinitely quiet). */
  private static final double RELATIVE_SCALE_FLOOR = 0.01;

  private static final double MAD_TO_SIGMA = Math.sqrt(Math.PI / 2.0);
  /** Mean of {@code -log10 p} for a uniform p: what a well-modelled feature averages. */
  private static final double NORMAL_MEAN_SURPRISE = 1.0 / Math.log(10.0);
  private static final double MAX_SURPRISE = 100.0;
  /** Deviations are capped so that a change of a never-varying feature stays finite. */
  private static final double MAX_DEVIATION = 1e6;
  private static final long HOUR_MILLIS = 3_600_000L;

  private final FeatureSpec spec;
  private final ScorerConfig config;

  public AnomalyScorer(FeatureSpec spec, ScorerConfig config) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.config = Objects.requireNonNull(config, "config");
  }

  public FeatureSpec spec() {
    return spec;
  }

  public ScorerConfig config() {
    return config;
  }

  /** A fresh baseline sized for this scorer's features. */
  public BaselineState newState() {
    return BaselineState.create(spec.size());
  }

  /** Whether the baseline has seen enough windows to be scored against. */
  public boolean isWarm(BaselineState state) {
    return state.updates() >= config.warmupWindows();
  }

  /** Scores {@code features} against the entity's own baseline, without cohort fallback. */
  public AnomalyScore score(BaselineState state, long timestampMillis, double[] features) {
    return score(state, null, timestampMillis, features);
  }

  /**
   * Scores a window against the entity's baseline once that is warm, otherwise against the
   * cohort's when that is warm, otherwise returns score 0 with baseline {@link BaselineKind#NONE}.
   * Reads the states only.
   *
   * @param user the entity's baseline
   * @param cohort the cohort baseline, or null when there is none
   * @param timestampMillis the window's time (epoch millis, e.g. its start), for the daily profile
   * @param features one finite value per feature, in {@link FeatureSpec} order
   */
  public AnomalyScore score(
      BaselineState user, BaselineState cohort, long timestampMillis, double[] features) {
    checkShape(user, features);
    if (isWarm(user)) {
      return evaluate(user, timestampMillis, features, BaselineKind.USER);
    }
    if (cohort != null) {
      checkShape(cohort, features);
      if (isWarm(cohort)) {
        return evaluate(cohort, timestampMillis, features, BaselineKind.COHORT);
      }
    }
    List<FeatureContribution> neutral = new ArrayList<>(spec.size());
    for (int j = 0; j < spec.size(); j++) {
      neutral.add(new FeatureContribution(
          spec.get(j).name(), features[j], user.get(j, BaselineState.LEVEL), 0, 0));
    }
    return new AnomalyScore(0.0, BaselineKind.NONE, neutral, "baseline warming up");
  }

  private AnomalyScore evaluate(BaselineState s, long time, double[] x, BaselineKind kind) {
    int d = spec.size();
    int hour = hourOfDay(time);
    List<FeatureContribution> contributions = new ArrayList<>(d);
    double maxSurprise = 0;
    for (int j = 0; j < d; j++) {
      Assessment a = assess(s, j, x[j], hour);
      double surprise = a.surprise(s, j);
      maxSurprise = Math.max(maxSurprise, surprise);
      contributions.add(new FeatureContribution(spec.get(j).name(), x[j], a.expected, a.z, surprise));
    }
    double surprise = Math.max(0.0, maxSurprise - Math.log10(d));
    double score = 100.0 * surprise / (surprise + config.halfScoreSurprise());
    return new AnomalyScore(score, kind, contributions, Explanations.describe(contributions, kind));
  }

  /**
   * What a baseline makes of one feature value: the expectation, the deviation, the short-term
   * average of deviations after this value, and the calibrated point and drift surprises.
   */
  private record Assessment(double expected, double z, double drift, double raw, double point,
      double sustained, boolean record, double familiarKey) {

    /** The feature's surprise after familiarity and recency (see the class comment). */
    double surprise(BaselineState s, int j) {
      double recent = s.get(j, BaselineState.PEAK);
      double newPoint = Math.max(0.0, point - recent);
      double newSustained = Math.max(0.0, sustained - recent);
      if (record) {
        newPoint = Math.max(newPoint, Math.min(point, RECORD_SURPRISE));
        newSustained = Math.max(newSustained, Math.min(sustained, RECORD_SURPRISE));
      }
      double familiar = 1 + ValueHistogram.seen(s, j, familiarKey);
      return Math.max(newPoint / familiar, newSustained);
    }
  }

  private Assessment assess(BaselineState s, int j, double x, int hour) {
    Feature f = spec.get(j);
    double expected = s.get(j, BaselineState.LEVEL);
    double plainScale = scale(s, j, s.get(j, BaselineState.SCALE));
    double scale = plainScale;
    double seasonalScale = scale(s, j, s.get(j, BaselineState.SEASON_SCALE));
    double offset = s.season(j, hour);
    if (seasonalScale < plainScale) {
      expected = s.get(j, BaselineState.SEASON_LEVEL) + offset;
      scale = seasonalScale;
    }
    double familiarKey = seasonalScale < PROFILE_DOMINANCE * plainScale ? x - offset : x;
    double z = clamp((x - expected) / scale, MAX_DEVIATION);
    double drift = driftAfter(s, j, z);
    double point = Math.min(MAX_SURPRISE, surprise(f, z));
    double sustained = Math.min(MAX_SURPRISE, surprise(f, drift / driftScale(s, j)));
    // A well-modelled feature averages NORMAL_MEAN_SURPRISE; one that routinely averages more
    // (heavy tails, bursts) has its surprises shrunk by the ratio, never grown.
    double usual = s.get(j, BaselineState.SURPRISE_MEAN);
    double calibration = usual <= NORMAL_MEAN_SURPRISE ? 1.0 : NORMAL_MEAN_SURPRISE / usual;
    return new Assessment(expected, z, drift, Math.max(point, sustained), point * calibration,
        sustained * calibration, isRecord(s, j, x, plainScale), familiarKey);
  }

  /** Whether {@code x} passes the range the feature has kept (above only, for upward features). */
  private boolean isRecord(BaselineState s, int j, double x, double scale) {
    double max = s.get(j, BaselineState.MAX);
    double min = s.get(j, BaselineState.MIN);
    double tolerance = RANGE_TOLERANCE * Math.max(max - min, scale);
    boolean above = x > max + tolerance;
    return spec.get(j).direction() == Feature.Direction.UP ? above : above || x < min - tolerance;
  }

  private static double surprise(Feature f, double z) {
    return f.direction() == Feature.Direction.UP ? Tail.upperSurprise(z) : Tail.twoSidedSurprise(z);
  }

  /** Folds one window into the baseline (see the class comment for what is learned). */
  public void update(BaselineState s, long timestampMillis, double[] x) {
    checkShape(s, x);
    long n = s.updates();
    if (n == 0) {
      for (int j = 0; j < spec.size(); j++) {
        s.set(j, BaselineState.LEVEL, x[j]);
        s.set(j, BaselineState.SEASON_LEVEL, x[j]);
        s.set(j, BaselineState.SURPRISE_MEAN, NORMAL_MEAN_SURPRISE);
        s.set(j, BaselineState.MAX, x[j]);
        s.set(j, BaselineState.MIN, x[j]);
      }
      s.countUpdate();
      return;
    }
    int hour = hourOfDay(timestampMillis);
    // Clip only once warm: while warming up, every window is a plain running average.
    boolean warm = isWarm(s);
    double rate = Math.max(config.alpha(), 1.0 / (n + 1));
    double rangeRate = RANGE_MEMORY * config.alpha();
    for (int j = 0; j < spec.size(); j++) {
      Assessment a = assess(s, j, x[j], hour);

      double level = s.get(j, BaselineState.LEVEL);
      double scale = s.get(j, BaselineState.SCALE);
      double residual = x[j] - level;
      if (warm) {
        residual = clamp(residual, config.clip() * scale(s, j, scale));
      }
      s.set(j, BaselineState.LEVEL, level + rate * residual);
      s.set(j, BaselineState.SCALE, scale + rate * (MAD_TO_SIGMA * Math.abs(residual) - scale));

      // Holt-Winters style: a level of the deseasonalised series plus hour-of-day offsets.
      double season = s.season(j, hour);
      double seasonLevel = s.get(j, BaselineState.SEASON_LEVEL);
      double seasonScale = s.get(j, BaselineState.SEASON_SCALE);
      double seasonal = x[j] - seasonLevel - season;
      if (warm) {
        seasonal = clamp(seasonal, config.clip() * scale(s, j, seasonScale));
      }
      s.set(j, BaselineState.SEASON_SCALE,
          seasonScale + rate * (MAD_TO_SIGMA * Math.abs(seasonal) - seasonScale));
      s.setSeason(j, hour, season + SEASON_RATE * seasonal);
      s.set(j, BaselineState.SEASON_LEVEL, seasonLevel + rate * seasonal);

      s.set(j, BaselineState.DRIFT, a.drift);
      double q = s.get(j, BaselineState.DRIFT_SCALE);
      s.set(j, BaselineState.DRIFT_SCALE, Math.sqrt(q * q + rate * (a.drift * a.drift - q * q)));

      double usual = s.get(j, BaselineState.SURPRISE_MEAN);
      s.set(j, BaselineState.SURPRISE_MEAN, usual + rate * (a.raw - usual));
      s.set(j, BaselineState.PEAK, Math.max(Math.max(a.point, a.sustained),
          (1 - config.alpha()) * s.get(j, BaselineState.PEAK)));

      // The histogram starts with the warm baseline, over the range seen while warming up.
      double max = s.get(j, BaselineState.MAX);
      double min = s.get(j, BaselineState.MIN);
      if (warm) {
        ValueHistogram.add(s, j, a.familiarKey, min, max, scale(s, j, 0));
      }
      // The range relaxes towards the level, so one ancient extreme does not widen it for good.
      double newLevel = s.get(j, BaselineState.LEVEL);
      s.set(j, BaselineState.MAX, Math.max(x[j], max - rangeRate * (max - newLevel)));
      s.set(j, BaselineState.MIN, Math.min(x[j], min + rangeRate * (newLevel - min)));
    }
    s.countUpdate();
  }

  /** The short-term deviation average after folding in a window with deviation {@code z}. */
  private double driftAfter(BaselineState s, int j, double z) {
    double b = config.driftAlpha();
    return (1 - b) * s.get(j, BaselineState.DRIFT) + b * clamp(z, config.clip());
  }

  /** Noise scale of the deviation average: learned, never below its value for independent noise. */
  private double driftScale(BaselineState s, int j) {
    double b = config.driftAlpha();
    return Math.max(s.get(j, BaselineState.DRIFT_SCALE), Math.sqrt(b / (2 - b)));
  }

  /** {@code estimate}, floored by the feature's unit of noise and a share of the level's magnitude. */
  private double scale(BaselineState s, int j, double estimate) {
    double floor = Math.max(spec.get(j).minScale(),
        RELATIVE_SCALE_FLOOR * Math.abs(s.get(j, BaselineState.LEVEL)));
    return Math.max(Math.max(estimate, floor), Double.MIN_NORMAL);
  }

  private static int hourOfDay(long millis) {
    return (int) Math.floorMod(Math.floorDiv(millis, HOUR_MILLIS), 24L);
  }

  private static double clamp(double v, double bound) {
    return Math.max(-bound, Math.min(bound, v));
  }

  private void checkShape(BaselineState s, double[] x) {
    Objects.requireNonNull(s, "state");
    Objects.requireNonNull(x, "features");
    if (x.length != spec.size() || s.features() != spec.size()) {
      throw new IllegalArgumentException("expected " + spec.size() + " features, got a vector of "
          + x.length + " and a state of " + s.features());
    }
    for (int j = 0; j < x.length; j++) {
      if (!Double.isFinite(x[j])) {
        throw new IllegalArgumentException("feature " + spec.get(j).name() + " is not finite: " + x[j]);
      }
    }
  }
}
