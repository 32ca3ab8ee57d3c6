package io.guardstream.app.rules;

import io.guardstream.guard.PromptFingerprint;
import io.guardstream.schema.SystemPromptFingerprint;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Global processor over the compacted system-prompts topic: keeps {@link SystemPromptIndex} in
 * step with it (also during restore, which replays through this processor).
 */
public final class SystemPromptsUpdater implements Processor<String, byte[], Void, Void> {
  private static final Logger log = LoggerFactory.getLogger(SystemPromptsUpdater.class);

  private final String storeName;
  private final String topic;
  private final Deserializer<SystemPromptFingerprint> deserializer;
  private final SystemPromptIndex index;
  private KeyValueStore<String, byte[]> store;

  public SystemPromptsUpdater(String storeName, String topic, Deserializer<SystemPromptFingerprint> deserializer,
      SystemPromptIndex index) {
    this.storeName = storeName;
    this.topic = topic;
    this.deserializer = deserializer;
    this.index = index;
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
    if (record.value() == null) {
      store.delete(record.key());
      index.remove(record.key());
      return;
    }
    SystemPromptFingerprint value;
    try {
      value = deserializer.deserialize(topic, record.headers(), record.value());
    } catch (RuntimeException e) {
      log.error("undecodable system prompt fingerprint {} on {}: {}", record.key(), topic, e.toString());
      return;
    }
    store.put(record.key(), record.value());
    index.put(record.key(), toEngine(value));
  }

  static PromptFingerprint toEngine(SystemPromptFingerprint v) {
    return new PromptFingerprint(v.getTenant(), v.getAppName(), v.getPromptId(), v.getShingleSize(),
        toArray(v.getShingleHashes()), toArray(v.getSecretHashes()),
        v.getSecretLengths().stream().mapToInt(Integer::intValue).toArray(),
        List.copyOf(v.getCanaries()));
  }

  private static long[] toArray(List<Long> hashes) {
    long[] array = new long[hashes.size()];
    for (int i = 0; i < array.length; i++) {
      array[i] = hashes.get(i);
    }
    return array;
  }
}
