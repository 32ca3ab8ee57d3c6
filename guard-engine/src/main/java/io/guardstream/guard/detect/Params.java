package io.guardstream.guard.detect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rule's detector parameters with typed accessors that record a message naming the rule and
 * field for every problem, so a whole rule set is validated in one go.
 */
public final class Params {
  private final String ruleId;
  private final Map<String, Object> values;
  private final List<String> errors;
  private final Set<String> read = new HashSet<>();

  public Params(String ruleId, Map<String, Object> values, List<String> errors) {
    this.ruleId = ruleId;
    this.values = values;
    this.errors = errors;
  }

  /** Id of the rule being compiled. */
  public String ruleId() {
    return ruleId;
  }

  /** Records a problem with parameter {@code key}. */
  public void error(String key, String message) {
    errors.add("rule '" + ruleId + "': detector." + key + ": " + message);
  }

  public boolean has(String key) {
    return values.containsKey(key);
  }

  public String string(String key, String fallback, boolean required) {
    read.add(key);
    Object v = values.get(key);
    if (v == null) {
      if (required) {
        error(key, "is required");
      }
      return fallback;
    }
    if (!(v instanceof String s) || s.isEmpty()) {
      error(key, "must be a non-empty string");
      return fallback;
    }
    return s;
  }

  public List<String> strings(String key, boolean required) {
    read.add(key);
    Object v = values.get(key);
    if (v == null) {
      if (required) {
        error(key, "is required");
      }
      return List.of();
    }
    if (!(v instanceof List<?> list)) {
      error(key, "must be a list of strings");
      return List.of();
    }
    List<String> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      Object o = list.get(i);
      if (!(o instanceof String s) || s.isBlank()) {
        error(key + "[" + i + "]", "must be a non-empty string");
      } else {
        out.add(s);
      }
    }
    if (required && out.isEmpty() && list.isEmpty()) {
      error(key, "must not be empty");
    }
    return out;
  }

  public double number(String key, double fallback, double min, double max) {
    read.add(key);
    Object v = values.get(key);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof Number num)) {
      error(key, "must be a number");
      return fallback;
    }
    double d = num.doubleValue();
    if (!(d >= min && d <= max)) {
      error(key, "must be between " + min + " and " + max + ", was " + d);
      return fallback;
    }
    return d;
  }

  public int integer(String key, int fallback, int min, int max) {
    read.add(key);
    Object v = values.get(key);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof Integer || v instanceof Long || v instanceof Short)) {
      error(key, "must be an integer");
      return fallback;
    }
    long l = ((Number) v).longValue();
    if (l < min || l > max) {
      error(key, "must be between " + min + " and " + max + ", was " + l);
      return fallback;
    }
    return (int) l;
  }

  public boolean bool(String key, boolean fallback) {
    read.add(key);
    Object v = values.get(key);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof Boolean b)) {
      error(key, "must be true or false");
      return fallback;
    }
    return b;
  }

  /** Map-valued parameter (e.g. label → roles), as raw values. */
  public Map<?, ?> map(String key, boolean required) {
    read.add(key);
    Object v = values.get(key);
    if (v == null) {
      if (required) {
        error(key, "is required");
      }
      return Map.of();
    }
    if (!(v instanceof Map<?, ?> m)) {
      error(key, "must be a mapping");
      return Map.of();
    }
    return m;
  }

  /** Reports parameters the detector type never read (typos would otherwise go unnoticed). */
  public void rejectUnknown() {
    for (String key : values.keySet()) {
      if (!read.contains(key)) {
        error(key, "unknown parameter");
      }
    }
  }
}
