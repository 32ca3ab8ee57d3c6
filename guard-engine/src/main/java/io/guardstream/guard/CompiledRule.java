package io.guardstream.guard;

import io.guardstream.guard.detect.Detector;

/** A rule with its compiled detector and its index in the rule set. */
record CompiledRule(Rule rule, Detector detector, int index) {

  boolean promptAttack() {
    return "prompt_attack".equals(rule.category());
  }

  /**
   * Findings of secret and PII rules are always redacted, and so are the spans a registered
   * prompt is found in (its text, canary or a secret it states: the audit must not carry what
   * only fingerprints were kept of); other rules when they ask to.
   */
  boolean redacts() {
    return "secret".equals(rule.category()) || "pii".equals(rule.category())
        || "prompt_leak".equals(rule.detectorType()) || rule.action() == Action.REDACT;
  }
}
