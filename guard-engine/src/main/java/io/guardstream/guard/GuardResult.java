package io.guardstream.guard;

import java.util.List;
import java.util.Map;

/**
 * The engine's answer for one request: findings, the decision, per-category scores, and the
 * request's text fields with every secret / PII span redacted.
 *
 * @param findings everything found, in field then position order
 * @param decision strongest action asked for (ALLOW when nothing matched)
 * @param scores per-category score in [0, 1] (prompt_attack always present for input kinds)
 * @param limitsHit bounds reached while scanning (max_scan_chars, max_decode_depth, ...)
 * @param ruleSetVersion version of the rule set that produced the result
 * @param redactedContent content with findings of redacting rules replaced, or null if none given
 * @param redactedToolArguments tool arguments redacted the same way, or null
 * @param redactedAttributes attribute values redacted the same way
 */
public record GuardResult(
    List<Finding> findings,
    Decision decision,
    Map<String, Double> scores,
    List<String> limitsHit,
    String ruleSetVersion,
    String redactedContent,
    String redactedToolArguments,
    Map<String, String> redactedAttributes) {

  public GuardResult {
    findings = List.copyOf(findings);
    scores = Map.copyOf(scores);
    limitsHit = List.copyOf(limitsHit);
    redactedAttributes = redactedAttributes == null ? Map.of() : Map.copyOf(redactedAttributes);
  }
}
