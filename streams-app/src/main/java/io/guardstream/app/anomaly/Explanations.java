package io.guardstream.app.anomaly;

import io.guardstream.app.anomaly.AnomalyScore.BaselineKind;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Human-readable explanations naming the features that drove a score. */
final class Explanations {

  /** Features below this surprise (a 1-in-100 deviation) are not worth naming. */
  static final double MIN_SURPRISE = 2.0;
  private static final int MAX_NAMED = 3;

  private Explanations() {}

  /**
   * E.g. {@code findings.prompt_attack 14 vs baseline 0.3 (+13.7 sd); requests 40 vs baseline
   * 12 (+4.1 sd)}, most surprising first, at most three.
   */
  static String describe(List<FeatureContribution> contributions, BaselineKind kind) {
    StringBuilder b = new StringBuilder();
    contributions.stream()
        .filter(c -> c.surprise() >= MIN_SURPRISE)
        .sorted(Comparator.comparingDouble(FeatureContribution::surprise).reversed())
        .limit(MAX_NAMED)
        .forEach(c -> {
          if (b.length() > 0) {
            b.append("; ");
          }
          b.append(c.feature()).append(' ').append(number(c.value()))
              .append(" vs baseline ").append(number(c.expected()))
              .append(String.format(Locale.ROOT, " (%+.1f sd)", c.deviation()));
        });
    if (b.length() == 0) {
      b.append("within baseline");
    }
    if (kind == BaselineKind.COHORT) {
      b.append(" [cohort baseline]");
    }
    return b.toString();
  }

  /** Three significant digits, no exponent, no trailing zeros. */
  static String number(double v) {
    if (v == 0 || !Double.isFinite(v)) {
      return v == 0 ? "0" : Double.toString(v);
    }
    return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
  }
}
