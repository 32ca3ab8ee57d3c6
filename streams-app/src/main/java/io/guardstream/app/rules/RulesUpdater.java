package io.guardstream.app.rules;

import io.guardstream.app.metrics.GuardMetrics;
import io.guardstream.schema.GuardRuleSet;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Global processor over the compacted rules topic: activates the configured rule set when a new
 * version of it arrives and keeps the raw record per rule set id in the global store. Kafka
 * Streams replays the topic through this processor when it restores the global store, so a
 * restarted instance re-activates the published rule set before it processes events. Records are
 * decoded here, not by the source, so a corrupt one is rejected instead of stopping the instance.
 */
public final class RulesUpdater implements Processor<String, byte[], Void, Void> {
  private static final Logger log = LoggerFactory.getLogger(RulesUpdater.class);

  private final String storeName;
  private final String topic;
  private final String ruleSetId;
  private final Deserializer<GuardRuleSet> deserializer;
  private final ActiveRules active;
  private final GuardMetrics metrics;
  private KeyValueStore<String, byte[]> store;

  public RulesUpdater(String storeName, String topic, String ruleSetId, Deserializer<GuardRuleSet> deserializer,
      ActiveRules active, GuardMetrics metrics) {
    this.storeName = storeName;
    this.topic = topic;
    this.ruleSetId = ruleSetId;
    this.deserializer = deserializer;
    this.active = active;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, byte[]> record) {
    if (record.key() == null) {
      return;
    }
    boolean configured = ruleSetId.equals(record.key());
    if (record.value() == null) {
      store.delete(record.key());
      if (configured) {
        active.revertToDefaults();
      }
      return;
    }
    GuardRuleSet ruleSet;
    try {
      ruleSet = deserializer.deserialize(topic, record.headers(), record.value());
    } catch (RuntimeException e) {
      metrics.rulesRejected();
      log.error("undecodable record for rule set {} on {}: {}", record.key(), topic, e.toString());
      return;
    }
    if (!configured || active.publish(ruleSet)) {
      store.put(record.key(), record.value());
    }
  }
}
