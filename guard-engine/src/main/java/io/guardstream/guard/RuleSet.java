package io.guardstream.guard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * A versioned set of rules: what the engine enforces. Usually parsed from a YAML or JSON
 * document with {@link RuleSetParser}; {@link #defaults()} is the built-in set.
 *
 * @param id rule set id
 * @param version version string, reported in every result
 * @param rules the rules, in document order
 */
public record RuleSet(String id, String version, List<Rule> rules) {

  /** Classpath location of the built-in rule set document. */
  public static final String DEFAULTS_RESOURCE = "/io/guardstream/guard/default-rules.yaml";

  public RuleSet {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(version, "version");
    rules = List.copyOf(rules);
  }

  /** The built-in rule set shipped with the engine (parsed once). */
  public static RuleSet defaults() {
    return Defaults.INSTANCE;
  }

  /** The built-in rule set document, as shipped. */
  public static String defaultsDocument() {
    try (InputStream in = RuleSet.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + DEFAULTS_RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class Defaults {
    static final RuleSet INSTANCE =
        RuleSetParser.parse(defaultsDocument(), RuleSetParser.Format.YAML);
  }
}
