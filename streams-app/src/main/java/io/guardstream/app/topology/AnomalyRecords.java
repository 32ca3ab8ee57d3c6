package io.guardstream.app.topology;

import io.guardstream.app.activity.ActivityTracker;
import io.guardstream.app.anomaly.FeatureContribution;
import io.guardstream.schema.Alert;
import io.guardstream.schema.AlertType;
import io.guardstream.schema.FeatureScore;
import io.guardstream.schema.Severity;
import io.guardstream.schema.UserRisk;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Builds the UserRisk record of a closed window and the anomaly alert it may open. */
final class AnomalyRecords {
  static final String RULE_ID = "anomaly.user-behaviour";

  private final double highSeverityAt;

  /** @param highSeverityAt score at or above which an anomaly alert is HIGH rather than MEDIUM */
  AnomalyRecords(double highSeverityAt) {
    this.highSeverityAt = highSeverityAt;
  }

  UserRisk userRisk(String tenant, String user, ActivityTracker.Closed c) {
    double totalSurprise = 0;
    for (FeatureContribution f : c.score().contributions()) {
      totalSurprise += f.surprise();
    }
    List<FeatureScore> features = new ArrayList<>();
    for (FeatureContribution f : c.score().contributions()) {
      double spread = f.deviation() == 0 ? 0 : Math.abs(f.value() - f.expected()) / Math.abs(f.deviation());
      features.add(new FeatureScore(f.feature(), f.value(), f.expected(), spread,
          totalSurprise == 0 ? 0 : f.surprise() / totalSurprise));
    }
    features.sort(Comparator.comparingDouble(FeatureScore::getContribution).reversed());
    return UserRisk.newBuilder()
        .setTenant(tenant)
        .setUserId(user)
        .setWindowSizeMs(c.end() - c.start())
        .setWindowStart(Instant.ofEpochMilli(c.start()))
        .setWindowEnd(Instant.ofEpochMilli(c.end()))
        .setScore(c.score().score())
        .setBaseline(c.score().baseline().name().toLowerCase(java.util.Locale.ROOT))
        .setFeatures(features)
        .setExplanation(c.score().explanation())
        .build();
  }

  Alert anomalyAlert(String tenant, String user, ActivityTracker.Closed c) {
    String dedupKey = GuardAlerts.dedupKey(tenant, user, AlertType.ANOMALY, "anomaly") + '|' + (c.end() - c.start());
    FeatureContribution top = c.score().contributions().stream()
        .max(Comparator.comparingDouble(FeatureContribution::surprise)).orElseThrow();
    Set<String> atlas = new LinkedHashSet<>();
    Set<String> owasp = new LinkedHashSet<>();
    for (FeatureContribution f : c.score().contributions()) {
      if (f.surprise() > 0) {
        tags(f.feature(), atlas, owasp);
      }
    }
    Instant start = Instant.ofEpochMilli(c.start());
    Instant end = Instant.ofEpochMilli(c.end());
    return Alert.newBuilder()
        .setAlertId(GuardAlerts.alertId(dedupKey, String.valueOf(c.start())))
        .setAlertTime(end)
        .setType(AlertType.ANOMALY)
        .setSeverity(c.score().score() >= highSeverityAt ? Severity.HIGH : Severity.MEDIUM)
        .setTitle("unusual behaviour of user " + user + " over " + Duration.ofMillis(c.end() - c.start())
            .toString().substring(2).toLowerCase(java.util.Locale.ROOT) + ": " + top.feature())
        .setTenant(tenant)
        .setUserId(user)
        .setCategory("anomaly")
        .setRuleIds(List.of(RULE_ID))
        .setScore(c.score().score())
        .setEvidence(c.score().explanation())
        .setFirstSeen(start)
        .setLastSeen(end)
        .setWindowStart(start)
        .setWindowEnd(end)
        .setAtlasTechniques(new ArrayList<>(atlas))
        .setOwaspLlm(new ArrayList<>(owasp))
        .setDedupKey(dedupKey)
        .build();
  }

  /** Framework ids for what a feature's surge suggests. */
  private static void tags(String feature, Set<String> atlas, Set<String> owasp) {
    switch (feature) {
      case "findings.prompt_attack", "blocked" -> {
        atlas.add("AML.T0051");
        owasp.add("LLM01:2025");
      }
      case "findings.prompt_leak" -> {
        atlas.add("AML.T0056");
        owasp.add("LLM07:2025");
      }
      case "findings.secret", "findings.pii" -> {
        atlas.add("AML.T0057");
        owasp.add("LLM02:2025");
      }
      case "requests", "events", "input_tokens", "output_tokens", "prompt_chars", "response_chars" -> {
        atlas.add("AML.T0034");
        owasp.add("LLM10:2025");
      }
      default -> { }
    }
  }
}
