package io.guardstream.guard;

import java.util.List;

/** A rule set document was rejected; {@link #errors()} names each rule and field at fault. */
public final class RuleSetValidationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> errors;

  public RuleSetValidationException(List<String> errors) {
    super("invalid rule set: " + String.join("; ", errors));
    this.errors = List.copyOf(errors);
  }

  /** One message per problem, e.g. {@code rule 'x': detector.pattern: missing parenthesis}. */
  public List<String> errors() {
    return errors;
  }
}
