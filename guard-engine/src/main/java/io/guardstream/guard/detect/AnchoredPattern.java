package io.guardstream.guard.detect;

import com.google.re2j.Pattern;
import com.google.re2j.Submatch;
import io.guardstream.guard.text.Slice;

/**
 * A pattern tried at given positions (it starts with '^'). When only the whole match is wanted,
 * {@link MatchEnd} finds where it ends without RE2J (RE2J runs only when its cache was full).
 * Otherwise the {@link MatchFilter} rules out most tries cheaply, and a try that may match costs
 * one RE2J run for the match and its groups ({@link Submatch}). Thread-safe.
 */
public final class AnchoredPattern {
  private final Pattern pattern;
  /** Null when groups are wanted, or when it could not be built (see {@link MatchFilter#of}). */
  private final MatchEnd end;
  /** Null when {@link #end} answers, or when no filter could be built. */
  private final MatchFilter filter;

  /**
   * Tries of {@code pattern}, which must be anchored at its start ({@code ^(?:…)}); with
   * {@code groups}, {@link #matchAt} gives the spans of its groups too.
   */
  public AnchoredPattern(Pattern pattern, boolean groups) {
    this.pattern = pattern;
    this.end = groups ? null : MatchEnd.of(pattern);
    this.filter = end == null ? MatchFilter.of(pattern) : null;
  }

  /**
   * Group spans {@code [start0, end0, start1, end1, …]} (relative to {@code from}, -1 for a group
   * that took no part) of the match that starts at {@code from} and ends by {@code to}, or null;
   * the groups after the whole match only when they were asked for.
   */
  public int[] matchAt(CharSequence text, int from, int to) {
    int e = end == null ? MatchEnd.UNKNOWN : end.end(text, from, to);
    if (e != MatchEnd.UNKNOWN) {
      return e == MatchEnd.NONE ? null : new int[] {0, e};
    }
    if (filter != null && !filter.mayMatch(text, from, to)) {
      return null;
    }
    return Submatch.atStart(pattern, new Slice(text, from, to));
  }
}
