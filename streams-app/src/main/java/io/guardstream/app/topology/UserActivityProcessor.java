package io.guardstream.app.topology;

import io.guardstream.app.activity.ActivityTracker;
import io.guardstream.app.activity.EventFacts;
import io.guardstream.app.activity.OpenWindows;
import io.guardstream.app.activity.UserBaselines;
import io.guardstream.app.anomaly.AlertHysteresis;
import io.guardstream.app.anomaly.BaselineState;
import io.guardstream.app.metrics.GuardMetrics;
import io.guardstream.guard.Decision;
import io.guardstream.guard.Finding;
import io.guardstream.schema.AiEvent;
import io.guardstream.schema.EventKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Per-user behaviour: counts each guarded event into the user's open windows and, when stream
 * time passes a window's end plus the grace period, scores it and emits a {@link
 * io.guardstream.schema.UserRisk} (and an anomaly {@link io.guardstream.schema.Alert} when the
 * hysteresis opens one). Window closes are scheduled in a timer store ordered by close time, so a
 * punctuation touches only the users whose windows are due.
 */
final class UserActivityProcessor implements Processor<String, Guarded, String, SpecificRecord> {
  private final String windowsStoreName;
  private final String baselinesStoreName;
  private final String cohortStoreName;
  private final String timerStoreName;
  private final ActivityTracker tracker;
  private final AnomalyRecords records;
  private final GuardMetrics metrics;
  private ProcessorContext<String, SpecificRecord> context;
  private KeyValueStore<String, byte[]> windows;
  private KeyValueStore<String, byte[]> baselines;
  private KeyValueStore<String, byte[]> cohorts;
  private KeyValueStore<String, byte[]> timers;

  UserActivityProcessor(String windowsStoreName, String baselinesStoreName, String cohortStoreName,
      String timerStoreName, ActivityTracker tracker, AnomalyRecords records, GuardMetrics metrics) {
    this.windowsStoreName = windowsStoreName;
    this.baselinesStoreName = baselinesStoreName;
    this.cohortStoreName = cohortStoreName;
    this.timerStoreName = timerStoreName;
    this.tracker = tracker;
    this.records = records;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, SpecificRecord> context) {
    this.context = context;
    this.windows = context.getStateStore(windowsStoreName);
    this.baselines = context.getStateStore(baselinesStoreName);
    this.cohorts = context.getStateStore(cohortStoreName);
    this.timers = context.getStateStore(timerStoreName);
    long smallest = java.util.Arrays.stream(tracker.sizesMs()).min().orElseThrow();
    context.schedule(Duration.ofMillis(Math.max(1_000, smallest / 4)), PunctuationType.STREAM_TIME, this::closeDue);
  }

  @Override
  public void process(Record<String, Guarded> record) {
    String key = record.key();
    byte[] stored = windows.get(key);
    OpenWindows user = stored == null ? tracker.newWindows() : tracker.decodeWindows(stored);
    ActivityTracker.Added added = tracker.add(user, facts(record.value()), context.currentStreamTimeMs());
    if (added.late()) {
      metrics.lateEvent();
    }
    long[] opened = added.opened();
    for (int i = 0; i < opened.length; i++) {
      if (opened[i] != ActivityTracker.Added.NONE) {
        timers.put(TimerKeys.of(tracker.closesAt(i, opened[i]), i, opened[i], key), new byte[0]);
      }
    }
    windows.put(key, user.toBytes());
  }

  private void closeDue(long streamTime) {
    List<KeyValue<String, byte[]>> due = new ArrayList<>();
    try (KeyValueIterator<String, byte[]> it = timers.range(TimerKeys.FIRST, TimerKeys.upTo(streamTime))) {
      it.forEachRemaining(due::add);
    }
    for (KeyValue<String, byte[]> timer : due) {
      timers.delete(timer.key);
      TimerKeys.Timer t = TimerKeys.parse(timer.key);
      byte[] stored = windows.get(t.userKey());
      if (stored == null) {
        continue;
      }
      OpenWindows open = tracker.decodeWindows(stored);
      byte[] storedBaselines = baselines.get(t.userKey());
      UserBaselines learned = storedBaselines == null ? tracker.newBaselines() : tracker.decodeBaselines(storedBaselines);
      String cohortKey = TimerKeys.tenant(t.userKey()) + "|" + t.windowIndex();
      byte[] cohortBytes = cohorts.get(cohortKey);
      BaselineState cohort = cohortBytes == null ? tracker.scorer().newState() : BaselineState.fromBytes(cohortBytes);
      ActivityTracker.Closed closed = tracker.close(open, learned, t.windowIndex(), t.windowStart(), cohort);
      if (closed == null) {
        continue;
      }
      windows.put(t.userKey(), open.toBytes());
      baselines.put(t.userKey(), learned.toBytes());
      cohorts.put(cohortKey, cohort.toBytes());
      emit(t.userKey(), closed);
    }
  }

  private void emit(String userKey, ActivityTracker.Closed closed) {
    String tenant = TimerKeys.tenant(userKey);
    String user = userKey.substring(tenant.length() + 1);
    String window = Duration.ofMillis(closed.end() - closed.start()).toString();
    metrics.anomalyScore(window, closed.score().score());
    metrics.userRisk(tenant, user, window, closed.score().score(), closed.end());
    context.forward(new Record<>(userKey, records.userRisk(tenant, user, closed), closed.end()));
    if (closed.transition() == AlertHysteresis.Transition.OPENED) {
      var alert = records.anomalyAlert(tenant, user, closed);
      metrics.alert(alert.getType().name(), alert.getSeverity().name());
      context.forward(new Record<>(userKey, alert, closed.end()));
    }
  }

  static EventFacts facts(Guarded g) {
    AiEvent e = g.event();
    List<String> categories = new ArrayList<>(g.result().findings().size());
    for (Finding f : g.result().findings()) {
      categories.add(f.category());
    }
    EventKind kind = e.getKind();
    boolean input = kind == EventKind.PROMPT || kind == EventKind.TOOL_RESULT || kind == EventKind.RETRIEVAL;
    long in = e.getUsage() == null || e.getUsage().getInputTokens() == null ? 0 : e.getUsage().getInputTokens();
    long out = e.getUsage() == null || e.getUsage().getOutputTokens() == null ? 0 : e.getUsage().getOutputTokens();
    String model = e.getResponseModel() != null ? e.getResponseModel() : e.getRequestModel();
    return new EventFacts(e.getEventTime().toEpochMilli(), kind == EventKind.PROMPT, input,
        e.getContent() == null ? 0 : e.getContent().length(), in, out, categories,
        g.result().decision() == Decision.BLOCK,
        e.getSessionId() != null ? e.getSessionId() : e.getConversationId(),
        e.getClientIp(), e.getTool() == null ? null : e.getTool().getName(), model);
  }
}
