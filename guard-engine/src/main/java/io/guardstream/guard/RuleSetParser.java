package io.guardstream.guard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.guardstream.guard.detect.Detector;
import io.guardstream.guard.detect.DetectorRegistry;
import io.guardstream.guard.detect.DetectorType;
import io.guardstream.guard.detect.Params;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads and validates rule set documents (YAML or JSON; format in guard-engine/README.md).
 * Every problem is collected; any problem rejects the whole document with a
 * {@link RuleSetValidationException} whose messages name the rule and field.
 */
public final class RuleSetParser {
  private RuleSetParser() {}

  /** Document syntax. */
  public enum Format { YAML, JSON }

  /** Categories a rule may report. */
  public static final Set<String> CATEGORIES = Set.of(
      "prompt_attack", "secret", "pii", "prompt_leak", "restricted_content", "policy");

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern RULE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-]{0,127}");
  private static final Pattern ENTITY = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
  private static final Pattern TAG = Pattern.compile(
      "AML\\.T\\d{4}(\\.\\d{3})?|LLM\\d{2}(:\\d{4})?");
  private static final Set<String> TOP_FIELDS = Set.of("id", "version", "description", "rules");
  private static final Set<String> RULE_FIELDS = Set.of("id", "description", "applies_to",
      "detector", "category", "entity_type", "severity", "action", "confidence", "tags",
      "enabled", "scope");

  /** Parses with the built-in detector types. */
  public static RuleSet parse(String document, Format format) {
    return parse(document, format, DetectorRegistry.builtIn());
  }

  /** Parses, validating detector parameters against {@code registry}. */
  public static RuleSet parse(String document, Format format, DetectorRegistry registry) {
    List<String> errors = new ArrayList<>();
    JsonNode root;
    try {
      root = (format == Format.YAML ? YAML : JSON).readTree(document == null ? "" : document);
    } catch (JsonProcessingException e) {
      throw new RuleSetValidationException(List.of("document: not valid " + format + ": "
          + e.getOriginalMessage()));
    }
    if (root == null || !root.isObject()) {
      throw new RuleSetValidationException(List.of("document: must be a mapping with id, version"
          + " and rules"));
    }
    unknownFields(root, TOP_FIELDS, "rule set", errors);
    String id = text(root, "id", "rule set", errors, true);
    String version = text(root, "version", "rule set", errors, true);
    JsonNode rulesNode = root.get("rules");
    List<Rule> rules = new ArrayList<>();
    if (rulesNode == null || !rulesNode.isArray()) {
      errors.add("rule set: rules: must be a list");
    } else {
      Set<String> seen = new HashSet<>();
      int index = 0;
      for (JsonNode node : rulesNode) {
        Rule rule = parseRule(node, index++, seen, registry, errors);
        if (rule != null) {
          rules.add(rule);
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new RuleSetValidationException(errors);
    }
    return new RuleSet(id, version, rules);
  }

  private static Rule parseRule(JsonNode node, int index, Set<String> seen,
      DetectorRegistry registry, List<String> errors) {
    if (!node.isObject()) {
      errors.add("rules[" + index + "]: must be a mapping");
      return null;
    }
    String where = "rules[" + index + "]";
    String id = text(node, "id", where, errors, true);
    if (id != null) {
      where = "rule '" + id + "'";
      if (!RULE_ID.matcher(id).matches()) {
        errors.add(where + ": id: must be letters, digits, '.', '_' or '-' (at most 128)");
      } else if (!seen.add(id)) {
        errors.add(where + ": id: duplicate rule id");
      }
    }
    int before = errors.size();
    unknownFields(node, RULE_FIELDS, where, errors);
    String description = text(node, "description", where, errors, false);
    Set<Kind> kinds = kinds(node.get("applies_to"), where, errors);
    String category = text(node, "category", where, errors, true);
    if (category != null && !CATEGORIES.contains(category)) {
      errors.add(where + ": category: must be one of " + new TreeSet<>(CATEGORIES) + ", was '"
          + category + "'");
    }
    String entityType = text(node, "entity_type", where, errors, false);
    if (entityType != null && !ENTITY.matcher(entityType).matches()) {
      errors.add(where + ": entity_type: must be UPPER_SNAKE_CASE, was '" + entityType + "'");
    }
    if (entityType == null && category != null) {
      entityType = category.toUpperCase(Locale.ROOT);
    }
    Severity severity = enumValue(node, "severity", Severity.class, where, errors);
    Action action = enumValue(node, "action", Action.class, where, errors);
    double confidence = 1.0;
    JsonNode conf = node.get("confidence");
    if (conf != null) {
      if (!conf.isNumber() || conf.asDouble() < 0 || conf.asDouble() > 1) {
        errors.add(where + ": confidence: must be a number between 0 and 1");
      } else {
        confidence = conf.asDouble();
      }
    }
    List<String> tags = stringList(node.get("tags"), where + ": tags", errors);
    for (String tag : tags) {
      if (!TAG.matcher(tag).matches()) {
        errors.add(where + ": tags: '" + tag + "' is neither a MITRE ATLAS id (AML.T0051.000)"
            + " nor an OWASP LLM Top 10 id (LLM01:2025)");
      }
    }
    boolean enabled = true;
    JsonNode en = node.get("enabled");
    if (en != null) {
      if (!en.isBoolean()) {
        errors.add(where + ": enabled: must be true or false");
      } else {
        enabled = en.asBoolean();
      }
    }
    Set<String> tenants = Set.of();
    Set<String> apps = Set.of();
    JsonNode scope = node.get("scope");
    if (scope != null) {
      if (!scope.isObject()) {
        errors.add(where + ": scope: must be a mapping with tenants and/or apps");
      } else {
        unknownFields(scope, Set.of("tenants", "apps"), where + ": scope", errors);
        tenants = new LinkedHashSet<>(stringList(scope.get("tenants"), where + ": scope.tenants", errors));
        apps = new LinkedHashSet<>(stringList(scope.get("apps"), where + ": scope.apps", errors));
      }
    }
    String detectorType = null;
    Map<String, Object> params = new LinkedHashMap<>();
    JsonNode det = node.get("detector");
    if (det == null || !det.isObject()) {
      errors.add(where + ": detector: must be a mapping with a type");
    } else {
      detectorType = text(det, "type", where + ": detector", errors, true);
      @SuppressWarnings("unchecked")
      Map<String, Object> raw = JSON.convertValue(det, LinkedHashMap.class);
      raw.remove("type");
      params.putAll(raw);
      if (detectorType != null) {
        DetectorType type = registry.get(detectorType);
        if (type == null) {
          errors.add(where + ": detector.type: unknown detector type '" + detectorType
              + "' (known: " + new TreeSet<>(registry.names()) + ")");
        } else if (id != null) {
          compile(type, id, params, errors);
        }
      }
    }
    if (errors.size() > before || id == null) {
      return null;
    }
    return new Rule(id, description, kinds, detectorType, params, category, entityType,
        severity, action, confidence, tags, enabled, tenants, apps);
  }

  /** Compiles a detector, adding its parameter errors; returns null when there were any. */
  static Detector compile(DetectorType type, String ruleId, Map<String, Object> params,
      List<String> errors) {
    int before = errors.size();
    Detector d = type.compile(new Params(ruleId, params, errors));
    if (d == null && errors.size() == before) {
      errors.add("rule '" + ruleId + "': detector: could not be compiled");
    }
    return errors.size() > before ? null : d;
  }

  private static Set<Kind> kinds(JsonNode node, String where, List<String> errors) {
    Set<Kind> kinds = EnumSet.noneOf(Kind.class);
    if (node == null || !node.isObject()) {
      errors.add(where + ": applies_to: must be a mapping with direction or kinds");
      return kinds;
    }
    unknownFields(node, Set.of("direction", "kinds"), where + ": applies_to", errors);
    JsonNode dir = node.get("direction");
    JsonNode ks = node.get("kinds");
    if (dir == null && ks == null) {
      errors.add(where + ": applies_to: needs direction (input, output) or kinds");
    }
    if (dir != null) {
      String d = dir.asText("").toUpperCase(Locale.ROOT);
      Direction direction = null;
      try {
        direction = Direction.valueOf(d);
      } catch (IllegalArgumentException e) {
        errors.add(where + ": applies_to.direction: must be input or output, was '"
            + dir.asText() + "'");
      }
      for (Kind k : Kind.values()) {
        if (k.direction() == direction) {
          kinds.add(k);
        }
      }
    }
    if (ks != null) {
      Set<Kind> listed = EnumSet.noneOf(Kind.class);
      for (String k : stringList(ks, where + ": applies_to.kinds", errors)) {
        try {
          listed.add(Kind.valueOf(k.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          errors.add(where + ": applies_to.kinds: unknown kind '" + k + "' (known: prompt,"
              + " response, tool_call, tool_result, retrieval)");
        }
      }
      if (dir != null) {
        kinds.retainAll(listed);
      } else {
        kinds.addAll(listed);
      }
    }
    if (kinds.isEmpty() && (dir != null || ks != null)) {
      errors.add(where + ": applies_to: selects no event kind");
    }
    return kinds;
  }

  private static void unknownFields(JsonNode node, Set<String> known, String where,
      List<String> errors) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!known.contains(f)) {
        errors.add(where + ": " + f + ": unknown field");
      }
    }
  }

  private static String text(JsonNode node, String field, String where, List<String> errors,
      boolean required) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        errors.add(where + ": " + field + ": is required");
      }
      return null;
    }
    if (!v.isTextual() && !v.isNumber()) {
      errors.add(where + ": " + field + ": must be a string");
      return null;
    }
    String s = v.asText();
    if (s.isBlank()) {
      errors.add(where + ": " + field + ": must not be blank");
      return null;
    }
    return s;
  }

  private static <E extends Enum<E>> E enumValue(JsonNode node, String field, Class<E> type,
      String where, List<String> errors) {
    String s = text(node, field, where, errors, true);
    if (s == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      List<String> names = new ArrayList<>();
      for (E c : type.getEnumConstants()) {
        names.add(c.name().toLowerCase(Locale.ROOT));
      }
      errors.add(where + ": " + field + ": must be one of " + names + ", was '" + s + "'");
      return null;
    }
  }

  private static List<String> stringList(JsonNode node, String where, List<String> errors) {
    List<String> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isArray()) {
      errors.add(where + ": must be a list of strings");
      return out;
    }
    for (JsonNode n : node) {
      if (!n.isTextual() || n.asText().isBlank()) {
        errors.add(where + ": must contain only non-empty strings");
      } else {
        out.add(n.asText());
      }
    }
    return out;
  }
}
