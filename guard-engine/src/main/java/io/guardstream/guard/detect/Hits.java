package io.guardstream.guard.detect;

/** Where detectors report what they found. Spans are in the scanned view's coordinates. */
public interface Hits {

  /**
   * Reports one hit.
   *
   * @param start start of the span in the view (ignored for EVENT detectors)
   * @param end end (exclusive) of the span
   * @param entityType what was found (upper snake case) or null for the rule's default
   * @param confidence in [0, 1]
   * @param message explanation; must never contain the matched value
   */
  void add(int start, int end, String entityType, double confidence, String message);

  /** Reports a hit that has no span (event-level findings). */
  default void addEventLevel(String entityType, double confidence, String message) {
    add(-1, -1, entityType, confidence, message);
  }
}
