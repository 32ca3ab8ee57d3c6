package io.guardstream.guard.detect;

import com.google.re2j.Pattern;
import com.google.re2j.Submatch;
import io.guardstream.guard.text.Slice;

/**
 * A pattern tried at given positions (it starts with '^'): the {@link MatchFilter} rules out most
 * tries cheaply, and a try that may match costs one RE2J run for the match and its groups
 * ({@link Submatch}). Thread-safe.
 */
public final class AnchoredPattern {
  private final Pattern pattern;
  /** Null when no filter could be built (see {@link MatchFilter#of}). */
  private final MatchFilter filter;

  /** Tries of {@code pattern}, which must be anchored at its start ({@code ^(?:…)}). */
  public AnchoredPattern(Pattern pattern) {
    this.pattern = pattern;
    this.filter = MatchFilter.of(pattern);
  }

  /**
   * Group spans {@code [start0, end0, start1, end1, …]} (relative to {@code from}, -1 for a group
   * that took no part) of the match that starts at {@code from} and ends by {@code to}, or null.
   */
  public int[] matchAt(CharSequence text, int from, int to) {
    if (filter != null && !filter.mayMatch(text, from, to)) {
      return null;
    }
    return Submatch.atStart(pattern, new Slice(text, from, to));
  }
}
