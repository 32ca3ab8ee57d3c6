package io.guardstream.app.topology;

import io.guardstream.app.metrics.GuardMetrics;
import io.guardstream.schema.Alert;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Folds repeats of an incident into one alert. The first occurrence is published at once; repeats
 * (same dedup key) within the suppression window of the last occurrence only raise the count.
 * When stream time passes the window, an alert that absorbed repeats is published again under the
 * SAME alert id with its final count and last-seen time (consumers upsert by id), and forgotten.
 */
final class AlertSuppressor implements Processor<String, Guarded, String, Alert> {
  static final int MAX_EVENT_IDS = 20;

  private final String storeName;
  private final GuardAlerts alerts;
  private final long windowMs;
  private final GuardMetrics metrics;
  private ProcessorContext<String, Alert> context;
  private KeyValueStore<String, Alert> open;

  AlertSuppressor(String storeName, GuardAlerts alerts, Duration window, GuardMetrics metrics) {
    this.storeName = storeName;
    this.alerts = alerts;
    this.windowMs = window.toMillis();
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, Alert> context) {
    this.context = context;
    this.open = context.getStateStore(storeName);
    Duration every = Duration.ofMillis(Math.max(1_000, Math.min(windowMs / 4, 60_000)));
    context.schedule(every, PunctuationType.STREAM_TIME, this::closeExpired);
  }

  @Override
  public void process(Record<String, Guarded> record) {
    for (Alert candidate : alerts.candidates(record.value())) {
      Alert current = open.get(candidate.getDedupKey());
      long at = candidate.getLastSeen().toEpochMilli();
      if (current != null && at - current.getLastSeen().toEpochMilli() <= windowMs
          && at >= current.getFirstSeen().toEpochMilli() - windowMs) {
        open.put(candidate.getDedupKey(), absorb(current, candidate));
        metrics.alertSuppressed(candidate.getType().name());
        continue;
      }
      if (current != null) {
        publishFinal(record.key(), current);
      }
      open.put(candidate.getDedupKey(), candidate);
      publish(record.key(), candidate, record.timestamp());
    }
  }

  private static Alert absorb(Alert current, Alert repeat) {
    List<String> ids = new ArrayList<>(current.getEventIds());
    if (ids.size() < MAX_EVENT_IDS) {
      ids.addAll(repeat.getEventIds());
    }
    List<String> rules = new ArrayList<>(current.getRuleIds());
    repeat.getRuleIds().stream().filter(r -> !rules.contains(r)).forEach(rules::add);
    boolean later = repeat.getLastSeen().isAfter(current.getLastSeen());
    return Alert.newBuilder(current)
        .setCount(current.getCount() + 1)
        .setLastSeen(later ? repeat.getLastSeen() : current.getLastSeen())
        .setSeverity(repeat.getSeverity().compareTo(current.getSeverity()) > 0 ? repeat.getSeverity() : current.getSeverity())
        .setScore(Math.max(current.getScore(), repeat.getScore()))
        .setRuleIds(rules)
        .setEventIds(ids.subList(0, Math.min(ids.size(), MAX_EVENT_IDS)))
        .build();
  }

  private void closeExpired(long streamTime) {
    List<KeyValue<String, Alert>> expired = new ArrayList<>();
    try (KeyValueIterator<String, Alert> it = open.all()) {
      while (it.hasNext()) {
        KeyValue<String, Alert> kv = it.next();
        if (streamTime - kv.value.getLastSeen().toEpochMilli() > windowMs) {
          expired.add(kv);
        }
      }
    }
    for (KeyValue<String, Alert> kv : expired) {
      open.delete(kv.key);
      publishFinal(kv.value.getTenant() + ":" + kv.value.getUserId(), kv.value);
    }
  }

  private void publishFinal(String key, Alert alert) {
    if (alert.getCount() > 1) {
      context.forward(new Record<>(key, alert, alert.getLastSeen().toEpochMilli()));
    }
  }

  private void publish(String key, Alert alert, long timestamp) {
    metrics.alert(alert.getType().name(), alert.getSeverity().name());
    context.forward(new Record<>(key, alert, timestamp));
  }
}
