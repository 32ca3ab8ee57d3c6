package io.guardstream.guard.detect;

/** A named kind of detector that compiles a rule's parameters into a {@link Detector}. */
public interface DetectorType {

  /** The name rules use in {@code detector.type}. */
  String name();

  /**
   * Compiles the parameters. Problems are reported to {@code params} (which names the rule and
   * field); the returned detector is only used when none was reported.
   */
  Detector compile(Params params);
}
