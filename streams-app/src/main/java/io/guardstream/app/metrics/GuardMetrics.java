package io.guardstream.app.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The app's domain metrics (Prometheus names in brackets): events by kind
 * [guardstream_events_total], findings by category and rule [guardstream_findings_total], verdicts
 * [guardstream_verdicts_total], alerts by type and severity [guardstream_alerts_total], suppressed
 * repeats [guardstream_alerts_suppressed_total], DLQ by reason [guardstream_dlq_total], active
 * rule set [guardstream_rules_active], rejected rule sets [guardstream_rules_rejected_total], guard
 * latency [guardstream_guard_latency_seconds], delay from event time to verdict
 * [guardstream_end_to_end_latency_seconds], anomaly scores [guardstream_anomaly_score], the
 * highest-scoring users [guardstream_user_risk_top], guard errors [guardstream_guard_errors_total],
 * late and misrouted events. Counters are cached per tag combination so the hot path does no
 * lookups in the registry.
 */
public final class GuardMetrics {
  /** Users per window size in guardstream_user_risk_top: bounds its series per instance. */
  static final int TOP_USERS = 10;
  /** How long (stream time) a user stays in guardstream_user_risk_top after its last scored window. */
  static final Duration TOP_USERS_HORIZON = Duration.ofHours(1);

  private final MeterRegistry registry;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  private final Timer guardLatency;
  private final Timer endToEndLatency;
  private final Map<String, TopUserRisk> topUsers = new ConcurrentHashMap<>();
  private final MultiGauge topUsersGauge;
  private final Map<String, DistributionSummary> anomalyScores = new ConcurrentHashMap<>();
  private final MultiGauge activeRules;
  private final Counter late;
  private final Counter misrouted;
  private final Counter contentChars;
  private final Counter rulesRejected;
  private final Counter guardErrors;

  public GuardMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.guardLatency = Timer.builder("guardstream.guard.latency")
        .description("Time the guard engine spends on one event")
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofNanos(1_000))
        .maximumExpectedValue(Duration.ofMillis(100))
        .register(registry);
    this.endToEndLatency = Timer.builder("guardstream.end.to.end.latency")
        .description("Time from an event's event_time to its verdict: SDK buffering, Kafka and queueing included")
        .serviceLevelObjectives(Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1),
            Duration.ofMinutes(5), Duration.ofMinutes(15))
        .register(registry);
    this.topUsersGauge = MultiGauge.builder("guardstream.user.risk.top")
        .description("Latest window anomaly score (0-100) of the " + TOP_USERS + " highest-scoring users per window "
            + "size on this instance, among users scored in the last " + TOP_USERS_HORIZON.toMinutes() + " minutes of stream time")
        .register(registry);
    this.activeRules = MultiGauge.builder("guardstream.rules.active")
        .description("1 for the rule set version in force")
        .register(registry);
    this.late = Counter.builder("guardstream.events.late")
        .description("Events that arrived after their window closed (guarded and audited, not counted in windows)")
        .register(registry);
    this.misrouted = Counter.builder("guardstream.events.misrouted")
        .description("Events whose record key is not tenant:user (per-user state sees them on the wrong partition)")
        .register(registry);
    this.contentChars = Counter.builder("guardstream.content.chars")
        .description("Characters of content guarded")
        .register(registry);
    this.rulesRejected = Counter.builder("guardstream.rules.rejected")
        .description("Published rule sets rejected as invalid (the previous one stays active)")
        .register(registry);
    // Registered up front so it reads 0, not absent, until the first error: rates and alerts see the first one.
    this.guardErrors = Counter.builder("guardstream.guard.errors")
        .description("Events the guard engine failed on (audited with content withheld)")
        .register(registry);
  }

  public MeterRegistry registry() {
    return registry;
  }

  public void event(String kind, int chars) {
    counter("guardstream.events", "Events guarded, by kind", "kind", kind).increment();
    contentChars.increment(chars);
  }

  public void finding(String category, String ruleId) {
    counter("guardstream.findings", "Findings, by category and rule", "category", category, "rule", ruleId).increment();
  }

  public void verdict(String decision) {
    counter("guardstream.verdicts", "Verdicts, by decision", "decision", decision).increment();
  }

  public void alert(String type, String severity) {
    counter("guardstream.alerts", "Alerts published, by type and severity", "type", type, "severity", severity).increment();
  }

  public void alertSuppressed(String type) {
    counter("guardstream.alerts.suppressed", "Repeats folded into an open alert", "type", type).increment();
  }

  public void dlq(String reason) {
    counter("guardstream.dlq", "Events sent to the dead-letter topic, by reason", "reason", reason).increment();
  }

  public void guardLatency(long nanos) {
    guardLatency.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  public void anomalyScore(String window, double score) {
    anomalyScores.computeIfAbsent(window, w -> DistributionSummary.builder("guardstream.anomaly.score")
        .description("Per-user window anomaly scores (0-100)")
        .tag("window", w)
        .serviceLevelObjectives(10, 20, 30, 40, 50, 60, 70, 80, 90, 100)
        .register(registry)).record(score);
  }

  public void guardError() {
    guardErrors.increment();
  }

  /**
   * Records the delay from an event's own time to its verdict. A negative delay (the app's clock
   * ahead of ours) counts as none.
   */
  public void endToEndLatency(long millis) {
    endToEndLatency.record(Math.max(0, millis), TimeUnit.MILLISECONDS);
  }

  /**
   * Offers a closed window's score to the bounded top-users gauge of that window size (same
   * {@code window} label as {@link #anomalyScore}); only the {@link #TOP_USERS} highest recent
   * scores per window size are exported, so the series stay bounded however many users there are.
   */
  public void userRisk(String tenant, String user, String window, double score, long windowEndMs) {
    TopUserRisk top = topUsers.computeIfAbsent(window, w -> new TopUserRisk(TOP_USERS, TOP_USERS_HORIZON.toMillis()));
    if (top.offer(tenant, user, score, windowEndMs)) {
      publishTopUsers();
    }
  }

  private synchronized void publishTopUsers() {
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    topUsers.forEach((window, top) -> {
      for (TopUserRisk.Member m : top.members()) {
        rows.add(MultiGauge.Row.of(Tags.of("tenant", m.tenant(), "user", m.user(), "window", window), m.score()));
      }
    });
    topUsersGauge.register(rows, true);
  }

  public void lateEvent() {
    late.increment();
  }

  public void misroutedEvent() {
    misrouted.increment();
  }

  public void rulesRejected() {
    rulesRejected.increment();
  }

  /** Shows {@code version} of {@code ruleSetId} as the one in force. */
  public void activeRuleSet(String ruleSetId, String version) {
    activeRules.register(List.of(MultiGauge.Row.of(Tags.of("rule_set", ruleSetId, "version", version), 1)), true);
  }

  private Counter counter(String name, String description, String... tags) {
    String key = name + '|' + String.join("|", tags);
    Counter c = counters.get(key);
    if (c == null) {
      c = counters.computeIfAbsent(key, (Function<String, Counter>) k ->
          Counter.builder(name).description(description).tags(tags).register(registry));
    }
    return c;
  }
}
