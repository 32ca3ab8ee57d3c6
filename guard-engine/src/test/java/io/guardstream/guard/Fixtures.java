package io.guardstream.guard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.Iterator;
import java.util.Set;

/** Shared test engines. */
public final class Fixtures {
  private Fixtures() {}

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** The built-in rules minus the given rule ids (e.g. the classifier, for deterministic tests). */
  public static RuleSet defaultsWithout(String... ruleIds) {
    try {
      ObjectNode root = (ObjectNode) YAML.readTree(RuleSet.defaultsDocument());
      ArrayNode rules = (ArrayNode) root.get("rules");
      Set<String> drop = Set.of(ruleIds);
      for (Iterator<com.fasterxml.jackson.databind.JsonNode> it = rules.iterator(); it.hasNext(); ) {
        if (drop.contains(it.next().get("id").asText())) {
          it.remove();
        }
      }
      return RuleSetParser.parse(YAML.writeValueAsString(root), RuleSetParser.Format.YAML);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Default rules without the classifier: every decision comes from deterministic rules. */
  public static final GuardEngine RULES_ONLY =
      GuardEngine.create(defaultsWithout("pa.classifier"), GuardOptions.defaults());

  public static GuardResult input(String text) {
    return RULES_ONLY.check(GuardRequest.of(Kind.PROMPT, text));
  }

  public static GuardResult output(String text) {
    return RULES_ONLY.check(GuardRequest.of(Kind.RESPONSE, text));
  }

  /** Whether the result has a finding of {@code category}. */
  public static boolean has(GuardResult r, String category) {
    return r.findings().stream().anyMatch(f -> f.category().equals(category));
  }

  /** Whether the result has a finding of {@code entityType}. */
  public static boolean hasType(GuardResult r, String entityType) {
    return r.findings().stream().anyMatch(f -> f.entityType().equals(entityType));
  }
}
