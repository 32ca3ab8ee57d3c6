package io.guardstream.app.activity;

import io.guardstream.app.anomaly.AlertHysteresis;
import io.guardstream.app.anomaly.AnomalyScore;
import io.guardstream.app.anomaly.AnomalyScorer;
import io.guardstream.app.anomaly.BaselineState;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Per-user tumbling windows over event time: adds events to the open windows of each size and,
 * when a window closes, scores it against the user's baseline (or the cohort's while the user's
 * is warming up), steps the alert hysteresis and updates both baselines. Pure: no Kafka.
 */
public final class ActivityTracker {

  /**
   * What adding an event did.
   *
   * @param opened per window size, the start of the window this event opened (the caller
   *     schedules its close), or {@link #NONE}
   * @param late the event came after every window it belongs to had closed; it was not counted
   */
  public record Added(long[] opened, boolean late) {
    public static final long NONE = Long.MIN_VALUE;
  }

  /** A window that just closed, with its score and what it did to the user's anomaly alert. */
  public record Closed(int windowIndex, long start, long end, double[] features, AnomalyScore score,
      AlertHysteresis.Transition transition, double peakScore) {}

  private final long[] sizesMs;
  private final long graceMs;
  private final AnomalyScorer scorer;
  private final AlertHysteresis hysteresis;
  private final double cohortLearnsBelow;
  private final int onHoursStart;
  private final int onHoursEnd;
  private final ZoneId zone;

  /**
   * @param cohortLearnsBelow only windows scoring below this update the cohort baseline, so one
   *     user's attack does not become the yardstick for every new user of the tenant
   */
  public ActivityTracker(List<Duration> windows, Duration grace, AnomalyScorer scorer, AlertHysteresis hysteresis,
      double cohortLearnsBelow, int onHoursStart, int onHoursEnd, ZoneId zone) {
    this.sizesMs = windows.stream().mapToLong(Duration::toMillis).toArray();
    this.graceMs = grace.toMillis();
    this.scorer = scorer;
    this.hysteresis = hysteresis;
    this.cohortLearnsBelow = cohortLearnsBelow;
    this.onHoursStart = onHoursStart;
    this.onHoursEnd = onHoursEnd;
    this.zone = zone;
  }

  public long[] sizesMs() {
    return sizesMs.clone();
  }

  public long graceMs() {
    return graceMs;
  }

  public AnomalyScorer scorer() {
    return scorer;
  }

  public OpenWindows newWindows() {
    return OpenWindows.create(sizesMs.length);
  }

  public OpenWindows decodeWindows(byte[] bytes) {
    return OpenWindows.fromBytes(bytes, sizesMs.length);
  }

  public UserBaselines newBaselines() {
    return UserBaselines.create(sizesMs, scorer);
  }

  public UserBaselines decodeBaselines(byte[] bytes) {
    return UserBaselines.fromBytes(bytes, sizesMs, scorer);
  }

  /**
   * Adds an event to the open windows it falls in. A window is closed, and does not take the
   * event, once stream time has passed its end plus grace (whether or not its timer has fired
   * yet) or once it was scored.
   */
  public Added add(OpenWindows user, EventFacts e, long streamTime) {
    long[] opened = new long[sizesMs.length];
    java.util.Arrays.fill(opened, Added.NONE);
    boolean counted = false;
    boolean firstModel = user.firstUse(e.model() == null ? null : "model:" + e.model());
    boolean firstTool = user.firstUse(e.tool() == null ? null : "tool:" + e.tool());
    int hour = Instant.ofEpochMilli(e.timeMs()).atZone(zone).getHour();
    boolean offHours = hour < onHoursStart || hour >= onHoursEnd;
    for (int i = 0; i < sizesMs.length; i++) {
      long start = Math.floorDiv(e.timeMs(), sizesMs[i]) * sizesMs[i];
      if (start + sizesMs[i] <= user.closedUntil(i) || closesAt(i, start) <= streamTime) {
        continue;
      }
      WindowAccumulator acc = user.accumulator(i, start);
      if (acc == null) {
        acc = user.open(i, start);
        opened[i] = start;
      }
      counted = true;
      acc.add(ActivityFeatures.EVENTS, 1);
      if (e.prompt()) {
        acc.add(ActivityFeatures.REQUESTS, 1);
      }
      acc.add(e.input() ? ActivityFeatures.PROMPT_CHARS : ActivityFeatures.RESPONSE_CHARS, e.chars());
      acc.add(ActivityFeatures.INPUT_TOKENS, e.inputTokens());
      acc.add(ActivityFeatures.OUTPUT_TOKENS, e.outputTokens());
      for (String category : e.findingCategories()) {
        acc.add(ActivityFeatures.findingsIndex(category), 1);
      }
      if (e.blocked()) {
        acc.add(ActivityFeatures.BLOCKED, 1);
      }
      if (firstModel) {
        acc.add(ActivityFeatures.FIRST_USES, 1);
      }
      if (firstTool) {
        acc.add(ActivityFeatures.FIRST_USES, 1);
      }
      if (offHours) {
        acc.offHours();
      }
      acc.session(e.session());
      acc.ip(e.ip());
      acc.tool(e.tool());
    }
    return new Added(opened, !counted);
  }

  /** When the window of size index {@code i} starting at {@code start} closes (end + grace). */
  public long closesAt(int i, long start) {
    return start + sizesMs[i] + graceMs;
  }

  /**
   * Closes a window: scores it, steps the hysteresis and updates the baselines: the cohort's only
   * with ordinary windows, a warming-up user's only with ordinary windows unless an anomaly has
   * lasted more than twice the warm-up. Returns null when the user has no such open window (already closed).
   *
   * @param cohort the cohort baseline for this window size; updated in place
   */
  public Closed close(OpenWindows windows, UserBaselines baselines, int i, long start, BaselineState cohort) {
    WindowAccumulator acc = windows.remove(i, start);
    if (acc == null) {
      return null;
    }
    UserBaselines.Window w = baselines.window(i);
    long end = start + sizesMs[i];
    double[] x = acc.features();
    AnomalyScore score = scorer.score(w.baseline, cohort, start, x);
    AlertHysteresis.Transition t = hysteresis.step(w.hysteresis, score.score());
    boolean ordinary = score.score() < cohortLearnsBelow;
    // A user whose first windows already look like an attack must not train their own baseline on
    // it; only if the behaviour persists well past the warm-up does it become their normal.
    if (ordinary || scorer.isWarm(w.baseline)
        || w.hysteresis.windows() > 2 * scorer.config().warmupWindows()) {
      scorer.update(w.baseline, start, x);
    }
    if (ordinary) {
      scorer.update(cohort, start, x);
    }
    windows.closedUntil(i, end);
    w.remember(new UserBaselines.Summary(start, end, score.score(), score.baseline().name().toLowerCase(java.util.Locale.ROOT),
        score.explanation()));
    return new Closed(i, start, end, x, score, t, w.hysteresis.peakScore());
  }
}
