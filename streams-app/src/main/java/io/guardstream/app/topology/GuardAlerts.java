package io.guardstream.app.topology;

import io.guardstream.guard.Finding;
import io.guardstream.guard.Severity;
import io.guardstream.schema.AiEvent;
import io.guardstream.schema.Alert;
import io.guardstream.schema.AlertType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns an event's findings into alert candidates: one per category with findings at or above the
 * alert severity (an incident is "this user did this kind of thing", however many rules saw it).
 */
final class GuardAlerts {
  private static final int EVIDENCE_CHARS = 400;

  private final Severity minSeverity;

  GuardAlerts(Severity minSeverity) {
    this.minSeverity = minSeverity;
  }

  List<Alert> candidates(Guarded g) {
    Map<String, List<Finding>> byCategory = new LinkedHashMap<>();
    for (Finding f : g.result().findings()) {
      if (f.severity().atLeast(minSeverity)) {
        byCategory.computeIfAbsent(f.category(), c -> new ArrayList<>()).add(f);
      }
    }
    if (byCategory.isEmpty()) {
      return List.of();
    }
    List<Alert> alerts = new ArrayList<>(byCategory.size());
    byCategory.forEach((category, findings) -> alerts.add(alert(g, category, findings)));
    return alerts;
  }

  /** Repeats of the same incident share this key: tenant, user, type and category. */
  static String dedupKey(String tenant, String user, AlertType type, String category) {
    return tenant + '|' + user + '|' + type + '|' + category;
  }

  /** Stable id: the same first event of the same incident always yields the same id. */
  static String alertId(String dedupKey, String firstEventId) {
    return UUID.nameUUIDFromBytes((dedupKey + '|' + firstEventId).getBytes(StandardCharsets.UTF_8)).toString();
  }

  private Alert alert(Guarded g, String category, List<Finding> findings) {
    AiEvent e = g.event();
    Severity severity = Severity.INFO;
    double score = 0;
    Set<String> ruleIds = new LinkedHashSet<>();
    Set<String> atlas = new LinkedHashSet<>();
    Set<String> owasp = new LinkedHashSet<>();
    for (Finding f : findings) {
      if (f.severity().compareTo(severity) > 0) {
        severity = f.severity();
      }
      score = Math.max(score, f.confidence());
      ruleIds.add(f.ruleId());
      for (String tag : f.tags()) {
        if (tag.startsWith("AML.")) {
          atlas.add(tag);
        } else if (tag.startsWith("LLM")) {
          owasp.add(tag);
        }
      }
    }
    String key = dedupKey(e.getTenant(), e.getUserId(), AlertType.GUARD, category);
    Finding first = findings.get(0);
    return Alert.newBuilder()
        .setAlertId(alertId(key, e.getEventId()))
        .setAlertTime(e.getEventTime())
        .setType(AlertType.GUARD)
        .setSeverity(io.guardstream.schema.Severity.valueOf(severity.name()))
        .setTitle(category + " in " + e.getKind() + " of " + e.getApp().getName() + " for user " + e.getUserId()
            + ": " + first.entityType())
        .setTenant(e.getTenant())
        .setUserId(e.getUserId())
        .setAppName(e.getApp().getName())
        .setCategory(category)
        .setRuleIds(new ArrayList<>(ruleIds))
        .setScore(score)
        .setEvidence(evidence(g, first))
        .setInteractionId(e.getInteractionId())
        .setEventIds(new ArrayList<>(List.of(e.getEventId())))
        .setFirstSeen(e.getEventTime())
        .setLastSeen(e.getEventTime())
        .setCount(1)
        .setAtlasTechniques(new ArrayList<>(atlas))
        .setOwaspLlm(new ArrayList<>(owasp))
        .setDedupKey(key)
        .build();
  }

  /**
   * The finding's message plus an excerpt of the REDACTED field around the finding. Spans refer to
   * the original text; redaction changes lengths only a little, so the position is scaled.
   */
  private static String evidence(Guarded g, Finding f) {
    String redacted = f.location().startsWith("tool.arguments") ? g.result().redactedToolArguments()
        : g.result().redactedContent();
    String original = f.location().startsWith("tool.arguments") && g.event().getTool() != null
        ? g.event().getTool().getArguments() : g.event().getContent();
    StringBuilder sb = new StringBuilder(f.message());
    if (redacted == null || redacted.isEmpty()) {
      return sb.toString();
    }
    int center = 0;
    if (f.span() != null && original != null && !original.isEmpty()) {
      center = (int) ((long) f.span().start() * redacted.length() / original.length());
    }
    int from = Math.max(0, Math.min(center - EVIDENCE_CHARS / 4, redacted.length() - EVIDENCE_CHARS));
    int to = Math.min(redacted.length(), from + EVIDENCE_CHARS);
    from = safeBoundary(redacted, from);
    to = safeBoundary(redacted, to);
    if (sb.length() > 0) {
      sb.append(" | ");
    }
    sb.append(from > 0 ? "…" : "").append(redacted, from, to).append(to < redacted.length() ? "…" : "");
    return sb.toString();
  }

  // Never cut a surrogate pair in half.
  private static int safeBoundary(String s, int i) {
    return i > 0 && i < s.length() && Character.isLowSurrogate(s.charAt(i)) ? i - 1 : i;
  }
}
