package io.guardstream.guard.detect;

import com.google.re2j.Pattern;
import com.google.re2j.Submatch;
import io.guardstream.guard.text.Slice;

/**
 * A pattern tried at given positions (it starts with '^'). {@link MatchEnd} tells, at a table read
 * per char, whether a match starts there and where it ends; {@link GroupFinder} then finds the
 * groups of a match when they are wanted. RE2J ({@link Submatch}) answers when the DFA's cache was
 * full or the group search would be too large. Thread-safe.
 */
public final class AnchoredPattern {
  private final Pattern pattern;
  /** Null when RE2J's internals cannot be read (see {@link MatchEnd#of}). */
  private final MatchEnd end;
  private final boolean groups;
  /** Null without {@code groups}, or when RE2J's internals cannot be read. */
  private final GroupFinder finder;

  /**
   * Tries of {@code pattern}, which must be anchored at its start ({@code ^(?:…)}); with
   * {@code groups}, {@link #matchAt} gives the spans of its groups too.
   */
  public AnchoredPattern(Pattern pattern, boolean groups) {
    this.pattern = pattern;
    this.end = MatchEnd.of(pattern);
    this.groups = groups;
    this.finder = groups ? GroupFinder.of(pattern) : null;
  }

  /**
   * Group spans {@code [start0, end0, start1, end1, …]} (relative to {@code from}, -1 for a group
   * that took no part) of the match that starts at {@code from} and ends by {@code to}, or null;
   * the groups after the whole match only when they were asked for.
   */
  public int[] matchAt(CharSequence text, int from, int to) {
    int e = end == null ? MatchEnd.UNKNOWN : end.end(text, from, to);
    if (e == MatchEnd.NONE) {
      return null;
    }
    if (e != MatchEnd.UNKNOWN) {
      if (!groups) {
        return new int[] {0, e};
      }
      int[] spans = finder == null ? null : finder.spans(text, from, to, e);
      if (spans != null) {
        return spans;
      }
    }
    return Submatch.atStart(pattern, new Slice(text, from, to));
  }
}
