package com.google.re2j;

/**
 * The group spans of a match in one RE2J run. RE2J's {@link Matcher} runs its NFA twice for them:
 * once for the match, and once more over it for the groups when one is first asked for; RE2's own
 * entry point finds both at once, in half the time. This class lives in RE2J's package for that
 * entry point alone (re2j 1.8).
 */
public final class Submatch {
  /** False once the entry point turned out missing: another RE2J on the class path. */
  private static volatile boolean direct = true;

  private Submatch() {}

  /**
   * Spans {@code [start0, end0, start1, end1, …]} of the match that starts at the beginning of
   * {@code text}, as {@link Matcher#lookingAt} finds it, -1 for a group that took no part; null
   * when there is none.
   */
  public static int[] atStart(Pattern pattern, CharSequence text) {
    if (direct) {
      try {
        int n = pattern.groupCount() + 1;
        int[] spans = new int[2 * n];
        return pattern.re2().match(text, 0, text.length(), RE2.ANCHOR_START, spans, n)
            ? spans : null;
      } catch (LinkageError e) {
        direct = false; // the public way below gives the same spans
      }
    }
    return viaMatcher(pattern, text);
  }

  /** {@link #atStart} through the public {@link Matcher} (two runs). */
  static int[] viaMatcher(Pattern pattern, CharSequence text) {
    Matcher m = pattern.matcher(text);
    return m.lookingAt() ? of(m) : null;
  }

  /** Spans of the groups of {@code m}'s current match, laid out as {@link #atStart} gives them. */
  public static int[] of(Matcher m) {
    int[] spans = new int[2 * (m.groupCount() + 1)];
    for (int g = 0; g <= m.groupCount(); g++) {
      spans[2 * g] = m.start(g);
      spans[2 * g + 1] = m.end(g);
    }
    return spans;
  }
}
