package io.guardstream.dashboards;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces Grafana template variables in a query the way Grafana would before sending it:
 * {@code $name}, {@code ${name}}, {@code ${name:option}} and {@code [[name]]}, plus the built-in
 * interval variables with values that suit a short test against a 1 s scrape interval.
 */
final class TemplateVariables {
  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\{(\\w+)(?::[^}]*)?}|\\[\\[(\\w+)]]|\\$(\\w+)");

  private final Map<String, String> values = new LinkedHashMap<>();

  /** Built-ins: a rate interval of a few scrapes, a range covering the whole test. */
  TemplateVariables() {
    values.put("__rate_interval", "15s");
    values.put("__interval", "5s");
    values.put("__range", "10m");
  }

  void put(String name, String value) {
    values.put(name, value);
  }

  /** The query with every known variable replaced; an unknown one is an error, not left in. */
  String apply(String query) {
    Matcher m = VARIABLE.matcher(query);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
      String value = values.get(name);
      if (value == null) {
        throw new IllegalArgumentException("unknown template variable $" + name + " in: " + query);
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(value));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
