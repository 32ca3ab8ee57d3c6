package io.guardstream.guard;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One guard rule, as written in a rule set document. See guard-engine/README.md for the format.
 *
 * @param id unique id within the rule set (reported in findings and alerts)
 * @param description what the rule catches, for analysts
 * @param kinds event kinds the rule applies to
 * @param detectorType detector that does the matching (regex, keywords, secrets, ...)
 * @param params detector parameters, validated by the detector type
 * @param category prompt_attack, secret, pii, prompt_leak, restricted_content or policy
 * @param entityType default entity type of findings (upper snake case); detectors may refine it
 * @param severity severity of findings
 * @param action what a match asks for
 * @param confidence weight of a match in [0, 1] (for prompt_attack, its share of the score)
 * @param tags MITRE ATLAS / OWASP LLM Top 10 ids
 * @param enabled disabled rules are kept but never run
 * @param tenants tenants the rule is limited to (empty = all)
 * @param apps applications the rule is limited to (empty = all)
 */
public record Rule(
    String id,
    String description,
    Set<Kind> kinds,
    String detectorType,
    Map<String, Object> params,
    String category,
    String entityType,
    Severity severity,
    Action action,
    double confidence,
    List<String> tags,
    boolean enabled,
    Set<String> tenants,
    Set<String> apps) {

  public Rule {
    Objects.requireNonNull(id, "id");
    description = description == null ? "" : description;
    kinds = Set.copyOf(kinds);
    params = params == null ? Map.of() : Map.copyOf(params);
    tags = tags == null ? List.of() : List.copyOf(tags);
    tenants = tenants == null ? Set.of() : Set.copyOf(tenants);
    apps = apps == null ? Set.of() : Set.copyOf(apps);
  }

  /** Whether the rule's tenant / app scope includes the request's. */
  public boolean inScope(String tenant, String app) {
    return (tenants.isEmpty() || tenant != null && tenants.contains(tenant))
        && (apps.isEmpty() || app != null && apps.contains(app));
  }
}
