package io.guardstream.app.topology;

import io.guardstream.app.activity.ActivityFeatures;
import io.guardstream.app.activity.ActivityTracker;
import io.guardstream.app.anomaly.AlertHysteresis;
import io.guardstream.app.anomaly.AnomalyScorer;
import io.guardstream.app.anomaly.ScorerConfig;
import io.guardstream.app.ocsf.DetectionFinding;
import io.guardstream.app.rules.RulesUpdater;
import io.guardstream.app.rules.SystemPromptsUpdater;
import io.guardstream.schema.AiEvent;
import io.guardstream.schema.Alert;
import io.guardstream.schema.UserRisk;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The guardstream topology, built by one pure function: no I/O, no configuration lookups.
 *
 * <pre>
 * ai.events (raw bytes) ─ decode ─┬─ invalid ─────────────────────────────► ai.events.dlq
 *                                 └─ guard ─┬─ audit record ──────────────► ai.audit
 *                                           ├─ alert candidates ─ suppress ► ai.alerts
 *                                           └─ per-user windows ─ score ──► ai.user-risk (+ anomaly alerts)
 * all alerts ─ OCSF Detection Finding JSON ─────────────────────────────► ai.alerts.ocsf
 * ai.guard-rules ─► global rules store (activates rule sets)
 * ai.system-prompts ─► global prompt fingerprints
 * </pre>
 */
public final class GuardTopology {
  public static final String RULES_STORE = "guard-rules";
  public static final String SYSTEM_PROMPTS_STORE = "system-prompts";
  public static final String ALERT_SUPPRESSION_STORE = "alert-suppression";
  public static final String USER_WINDOWS_STORE = "user-windows";
  /** Per-user baselines and recent window scores; queried by the risk endpoint. */
  public static final String USER_BASELINES_STORE = "user-baselines";
  public static final String COHORT_STORE = "cohort-baselines";
  public static final String WINDOW_TIMERS_STORE = "window-timers";
  /** Consecutive quiet windows before a user's anomaly alert re-arms. */
  static final int QUIET_WINDOWS = 3;
  /** Anomaly scores at or above this are HIGH alerts, below it MEDIUM. */
  static final double HIGH_ANOMALY_SCORE = 90;

  private GuardTopology() {}

  /** The per-user window tracker for these settings (also decodes the user store for queries). */
  public static ActivityTracker tracker(TopologySettings settings) {
    return new ActivityTracker(settings.anomalyWindows(), settings.anomalyGrace(),
        new AnomalyScorer(ActivityFeatures.SPEC, ScorerConfig.defaults()),
        new AlertHysteresis(settings.anomalyAlertThreshold(), settings.anomalyClearThreshold(), QUIET_WINDOWS),
        settings.anomalyClearThreshold(), settings.businessHourStart(), settings.businessHourEnd(), settings.timeZone());
  }

  public static void build(StreamsBuilder builder, Topics topics, TopologySettings settings, TopologyRuntime runtime) {
    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(RULES_STORE), Serdes.String(), Serdes.ByteArray())
            .withLoggingDisabled(),
        topics.guardRules().name(),
        Consumed.with(Serdes.String(), Serdes.ByteArray()),
        () -> new RulesUpdater(RULES_STORE, topics.guardRules().name(), settings.ruleSetId(),
            topics.guardRules().valueSerde().deserializer(), runtime.rules(), runtime.metrics()));
    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(SYSTEM_PROMPTS_STORE), Serdes.String(), Serdes.ByteArray())
            .withLoggingDisabled(),
        topics.systemPrompts().name(),
        Consumed.with(Serdes.String(), Serdes.ByteArray()),
        () -> new SystemPromptsUpdater(SYSTEM_PROMPTS_STORE, topics.systemPrompts().name(),
            topics.systemPrompts().valueSerde().deserializer(), runtime.systemPrompts()));

    KStream<String, Decoded> decoded = builder
        .stream(topics.events().name(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
        .process(() -> new EventDecoder(topics.events().valueSerde().deserializer(), topics.events().name(),
            settings.maxContentChars(), runtime.metrics()), Named.as("decode"));

    decoded
        .filter((k, v) -> v instanceof Decoded.Invalid, Named.as("invalid"))
        .map((k, v) -> KeyValue.pair(((Decoded.Invalid) v).rawKey(), ((Decoded.Invalid) v).rawValue()), Named.as("original-bytes"))
        .to(topics.dlq(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));

    KStream<String, Guarded> guarded = decoded
        .filter((k, v) -> v instanceof Decoded.Valid, Named.as("valid"))
        .mapValues(v -> ((Decoded.Valid) v).event(), Named.as("event"))
        .processValues(() -> new GuardProcessor(runtime.rules(), runtime.systemPrompts(), runtime.metrics()),
            Named.as("guard"));

    guarded
        .mapValues(Guarded::audit, Named.as("audit-record"))
        .to(topics.audit().name(), Produced.with(Serdes.String(), topics.audit().valueSerde()));

    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(ALERT_SUPPRESSION_STORE), Serdes.String(), topics.alerts().valueSerde()));
    KStream<String, Alert> guardAlerts = guarded.process(
        () -> new AlertSuppressor(ALERT_SUPPRESSION_STORE, new GuardAlerts(settings.alertMinSeverity()),
            settings.alertSuppression(), runtime.metrics()),
        Named.as("suppress-alerts"), ALERT_SUPPRESSION_STORE);

    for (String store : new String[] {USER_WINDOWS_STORE, USER_BASELINES_STORE, COHORT_STORE, WINDOW_TIMERS_STORE}) {
      builder.addStateStore(Stores.keyValueStoreBuilder(
          Stores.persistentKeyValueStore(store), Serdes.String(), Serdes.ByteArray()));
    }
    ActivityTracker tracker = tracker(settings);
    KStream<String, SpecificRecord> activity = guarded.process(
        () -> new UserActivityProcessor(USER_WINDOWS_STORE, USER_BASELINES_STORE, COHORT_STORE, WINDOW_TIMERS_STORE, tracker,
            new AnomalyRecords(Math.max(HIGH_ANOMALY_SCORE, settings.anomalyAlertThreshold())), runtime.metrics()),
        Named.as("user-activity"), USER_WINDOWS_STORE, USER_BASELINES_STORE, COHORT_STORE, WINDOW_TIMERS_STORE);
    activity
        .filter((k, v) -> v instanceof UserRisk, Named.as("user-risk"))
        .mapValues(v -> (UserRisk) v, Named.as("as-user-risk"))
        .to(topics.userRisk().name(), Produced.with(Serdes.String(), topics.userRisk().valueSerde()));
    KStream<String, Alert> alerts = activity
        .filter((k, v) -> v instanceof Alert, Named.as("anomaly-alerts"))
        .mapValues(v -> (Alert) v, Named.as("as-anomaly-alert"))
        .merge(guardAlerts, Named.as("all-alerts"));
    alerts.to(topics.alerts().name(), Produced.with(Serdes.String(), topics.alerts().valueSerde()));
    alerts
        .mapValues(a -> DetectionFinding.json(a, settings.productVersion()), Named.as("ocsf-detection-finding"))
        .to(topics.alertsOcsf(), Produced.with(Serdes.String(), Serdes.String()));
  }
}
