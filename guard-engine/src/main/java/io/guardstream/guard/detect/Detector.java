package io.guardstream.guard.detect;

import java.util.List;

/**
 * A compiled detector: text (or event context) in, hits with spans out. Implementations are
 * immutable and thread-safe; all compilation happens when the rule set is loaded.
 */
public interface Detector {

  /** The view this detector scans. */
  default View view() {
    return View.RAW;
  }

  /**
   * Literals (matched case-insensitively) of which at least one must occur in the view for this
   * detector to find anything; the engine finds all of them in one pass and skips the detector
   * when none occurs. Empty means "always run".
   */
  default List<String> triggers() {
    return List.of();
  }

  /** Scans {@code ctx} and reports what it finds to {@code out}. */
  void detect(ScanContext ctx, Hits out);
}
