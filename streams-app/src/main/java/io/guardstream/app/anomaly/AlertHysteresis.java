package io.guardstream.app.anomaly;

/**
 * Turns a stream of window scores into alert transitions, so that a sustained anomaly raises one
 * alert rather than one per window: an alert opens when the score reaches {@code openAt}, and the
 * detector re-arms only after the score has stayed below {@code closeBelow} for {@code
 * quietWindows} consecutive windows.
 */
public final class AlertHysteresis {

  /** What a window's score did to the alert. */
  public enum Transition {
    /** No alert open and none opened. */
    NONE,
    /** A new alert opened with this window: publish it. */
    OPENED,
    /** The open alert continues (the window is part of the same incident). */
    ONGOING,
    /** The open alert closed: the scores have been quiet long enough, the detector is re-armed. */
    CLOSED
  }

  private final double openAt;
  private final double closeBelow;
  private final int quietWindows;

  /**
   * @param openAt score (0-100) at or above which an alert opens
   * @param closeBelow score below which a window counts as quiet; at most {@code openAt}
   * @param quietWindows consecutive quiet windows that close the alert; at least 1
   */
  public AlertHysteresis(double openAt, double closeBelow, int quietWindows) {
    if (!(closeBelow <= openAt) || closeBelow < 0 || openAt > 100) {
      throw new IllegalArgumentException(
          "need 0 <= closeBelow <= openAt <= 100, got " + closeBelow + " and " + openAt);
    }
    if (quietWindows < 1) {
      throw new IllegalArgumentException("quietWindows must be >= 1: " + quietWindows);
    }
    this.openAt = openAt;
    this.closeBelow = closeBelow;
    this.quietWindows = quietWindows;
  }

  /** Folds one window's score into {@code state} and says what happened to the alert. */
  public Transition step(HysteresisState state, double score) {
    if (!state.isOpen()) {
      if (score >= openAt) {
        state.open(score);
        return Transition.OPENED;
      }
      return Transition.NONE;
    }
    if (score < closeBelow) {
      if (state.quiet() >= quietWindows) {
        state.close();
        return Transition.CLOSED;
      }
      return Transition.ONGOING;
    }
    state.active(score);
    return Transition.ONGOING;
  }
}
