package io.guardstream.sdk;

import io.guardstream.guard.Decision;
import io.guardstream.guard.Finding;
import io.guardstream.guard.GuardResult;
import java.util.List;
import java.util.Map;

/**
 * What an inline check decided about a text, for the app to act on before the model sees a prompt
 * or the user sees a response: {@link #blocked()} means do not pass it on; otherwise pass on
 * {@link #text()}, which is the redacted text when the decision is REDACT.
 */
public final class InlineVerdict {
  private final GuardResult result;
  private final String original;

  InlineVerdict(GuardResult result, String original) {
    this.result = result;
    this.original = original;
  }

  /** The strongest action any finding asks for. */
  public Decision decision() {
    return result.decision();
  }

  /** True when the text must not be passed on. */
  public boolean blocked() {
    return result.decision() == Decision.BLOCK;
  }

  /** True when secrets or PII were masked in {@link #text()}. */
  public boolean redacted() {
    return result.decision() == Decision.REDACT;
  }

  /**
   * The text to pass on: redacted when the decision is REDACT, the original otherwise (a blocked
   * text is returned redacted too, for logging, but should not be passed on).
   */
  public String text() {
    if (result.decision().compareTo(Decision.REDACT) >= 0 && result.redactedContent() != null) {
      return result.redactedContent();
    }
    return original;
  }

  /** What was found (never the matched values themselves). */
  public List<Finding> findings() {
    return result.findings();
  }

  /** Per-category scores in [0, 1]. */
  public Map<String, Double> scores() {
    return result.scores();
  }

  /** Version of the rule set that decided. */
  public String ruleSetVersion() {
    return result.ruleSetVersion();
  }

  /** The engine's full result. */
  public GuardResult result() {
    return result;
  }

  @Override
  public String toString() {
    return "InlineVerdict[" + result.decision() + ", " + result.findings().size() + " findings, rules "
        + result.ruleSetVersion() + "]";
  }
}
