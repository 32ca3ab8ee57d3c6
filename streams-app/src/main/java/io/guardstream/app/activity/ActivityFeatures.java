package io.guardstream.app.activity;

import io.guardstream.app.anomaly.Feature;
import io.guardstream.app.anomaly.FeatureSpec;
import java.util.List;

/** The per-user behavioural features of a window, in the order of {@link #SPEC}. */
public final class ActivityFeatures {
  private ActivityFeatures() {}

  public static final int REQUESTS = 0;
  public static final int EVENTS = 1;
  public static final int PROMPT_CHARS = 2;
  public static final int RESPONSE_CHARS = 3;
  public static final int INPUT_TOKENS = 4;
  public static final int OUTPUT_TOKENS = 5;
  public static final int FINDINGS_PROMPT_ATTACK = 6;
  public static final int FINDINGS_SECRET = 7;
  public static final int FINDINGS_PII = 8;
  public static final int FINDINGS_PROMPT_LEAK = 9;
  public static final int FINDINGS_OTHER = 10;
  public static final int BLOCKED = 11;
  public static final int DISTINCT_SESSIONS = 12;
  public static final int DISTINCT_IPS = 13;
  public static final int DISTINCT_TOOLS = 14;
  public static final int OFF_HOURS = 15;
  public static final int FIRST_USES = 16;

  /**
   * Only increases are suspicious for every feature (a quiet user is not an incident). Volumes
   * get noise floors in their own units so a few characters more is not a deviation.
   */
  public static final FeatureSpec SPEC = FeatureSpec.of(List.of(
      Feature.count("requests"),
      Feature.count("events"),
      new Feature("prompt_chars", 500, Feature.Direction.UP),
      new Feature("response_chars", 1000, Feature.Direction.UP),
      new Feature("input_tokens", 200, Feature.Direction.UP),
      new Feature("output_tokens", 300, Feature.Direction.UP),
      Feature.count("findings.prompt_attack"),
      Feature.count("findings.secret"),
      Feature.count("findings.pii"),
      Feature.count("findings.prompt_leak"),
      Feature.count("findings.other"),
      Feature.count("blocked"),
      Feature.count("distinct_sessions"),
      Feature.count("distinct_ips"),
      Feature.count("distinct_tools"),
      Feature.share("off_hours"),
      Feature.count("first_uses")));

  /** Index of the findings feature for a finding category. */
  public static int findingsIndex(String category) {
    return switch (category) {
      case "prompt_attack" -> FINDINGS_PROMPT_ATTACK;
      case "secret" -> FINDINGS_SECRET;
      case "pii" -> FINDINGS_PII;
      case "prompt_leak" -> FINDINGS_PROMPT_LEAK;
      default -> FINDINGS_OTHER;
    };
  }
}
