package io.guardstream.guard;

import java.util.List;
import java.util.Objects;

/**
 * One thing a rule found. Never holds the matched value: {@code valueToken} is a keyed pseudonym
 * of it (or null), so findings can be stored and shipped as they are.
 *
 * @param ruleId rule that produced the finding
 * @param category prompt_attack, secret, pii, prompt_leak, restricted_content or policy
 * @param entityType what was found, upper snake case (EMAIL, AWS_ACCESS_KEY, ...); also the mask name
 * @param severity severity the rule assigns
 * @param confidence detector confidence in [0, 1]
 * @param action what the rule asks for
 * @param detector detector type (regex, keywords, classifier, ...)
 * @param location field scanned: content, tool.arguments, attributes.KEY, documents; "+base64" etc.
 *     appended when found in decoded text
 * @param span where in the original field, or null when the finding has no span
 * @param valueToken keyed pseudonym of the matched value, or null
 * @param message explanation without the matched value
 * @param tags framework ids (MITRE ATLAS AML.T..., OWASP LLM..)
 */
public record Finding(
    String ruleId,
    String category,
    String entityType,
    Severity severity,
    double confidence,
    Action action,
    String detector,
    String location,
    Span span,
    String valueToken,
    String message,
    List<String> tags) {

  public Finding {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(entityType, "entityType");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(detector, "detector");
    Objects.requireNonNull(location, "location");
    message = message == null ? "" : message;
    tags = tags == null ? List.of() : List.copyOf(tags);
  }
}
