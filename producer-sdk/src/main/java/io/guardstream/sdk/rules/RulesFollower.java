package io.guardstream.sdk.rules;

import io.guardstream.registry.SchemaRegistryUnavailableException;
import io.guardstream.schema.GuardRuleSet;
import io.guardstream.sdk.metrics.SdkCounters;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the compacted guard-rules topic on a background thread (no consumer group: it reads
 * every partition from the beginning, as each instance needs the whole topic) and activates the
 * configured rule set id whenever a new version of it arrives. Retries quietly while Kafka or the
 * registry is unreachable.
 */
public final class RulesFollower implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RulesFollower.class);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final long BACKOFF_MILLIS = 2_000;

  private final String topic;
  private final String ruleSetId;
  private final Supplier<Consumer<String, byte[]>> consumerFactory;
  private final Deserializer<GuardRuleSet> deserializer;
  private final ActiveEngine active;
  private final SdkCounters counters;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile Consumer<String, byte[]> consumer;

  /** A follower; call {@link #start()} to begin. */
  public RulesFollower(String topic, String ruleSetId, Supplier<Consumer<String, byte[]>> consumerFactory,
      Deserializer<GuardRuleSet> deserializer, ActiveEngine active, SdkCounters counters) {
    this.topic = topic;
    this.ruleSetId = ruleSetId;
    this.consumerFactory = consumerFactory;
    this.deserializer = deserializer;
    this.active = active;
    this.counters = counters;
    this.thread = new Thread(this::run, "guardstream-sdk-rules");
    this.thread.setDaemon(true);
  }

  /** Starts the background thread. */
  public void start() {
    thread.start();
  }

  private void run() {
    boolean assigned = false;
    while (running) {
      try {
        if (consumer == null) {
          consumer = consumerFactory.get();
        }
        if (!assigned) {
          assigned = assign();
          if (!assigned) {
            sleep();
            continue;
          }
        }
        ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
        for (ConsumerRecord<String, byte[]> r : records) {
          if (!apply(r)) {
            consumer.seek(new TopicPartition(r.topic(), r.partition()), r.offset());
            sleep();
            break;
          }
        }
      } catch (WakeupException e) {
        // close() wakes the consumer; the loop condition ends the thread
      } catch (RuntimeException e) {
        log.warn("guardstream: cannot follow rule sets on {} yet (retrying): {}", topic, e.toString());
        sleep();
      }
    }
    Consumer<String, byte[]> c = consumer;
    if (c != null) {
      try {
        c.close(Duration.ofSeconds(1));
      } catch (RuntimeException e) {
        log.debug("closing the rule set consumer: {}", e.toString());
      }
    }
  }

  private boolean assign() {
    List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5));
    if (partitions == null || partitions.isEmpty()) {
      return false;
    }
    List<TopicPartition> all = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    consumer.assign(all);
    consumer.seekToBeginning(all);
    return true;
  }

  /** Applies one record; false when the registry is unreachable and the record must be read again. */
  private boolean apply(ConsumerRecord<String, byte[]> r) {
    if (!ruleSetId.equals(r.key())) {
      return true;
    }
    if (r.value() == null) {
      active.revertToDefaults();
      return true;
    }
    GuardRuleSet ruleSet;
    try {
      ruleSet = deserializer.deserialize(r.topic(), r.headers(), r.value());
    } catch (SchemaRegistryUnavailableException e) {
      return false;
    } catch (RuntimeException e) {
      counters.rulesRejected.increment();
      log.error("guardstream: undecodable rule set record {} on {}: {}", r.key(), topic, e.toString());
      return true;
    }
    active.publish(ruleSet);
    return true;
  }

  private void sleep() {
    try {
      Thread.sleep(BACKOFF_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  /** Stops following and closes the consumer. */
  @Override
  public void close() {
    running = false;
    Consumer<String, byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
