package io.guardstream.serde;

import io.guardstream.embedded.EmbeddedStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/** Topics on the shared test broker: each test gets fresh ones, so tests never see each other's records or subjects. */
final class TestTopics {
  private TestTopics() {}

  static EmbeddedStack stack() {
    return EmbeddedStack.shared();
  }

  /** A new one-partition topic named {@code prefix-<random>}. */
  static String create(String prefix) throws ExecutionException, InterruptedException {
    String topic = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack().bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
    return topic;
  }

  static <K, V> void produce(String topic, Serializer<K> keys, Serializer<V> values, Map<K, V> records)
      throws ExecutionException, InterruptedException {
    try (KafkaProducer<K, V> producer = new KafkaProducer<>(
        Map.of("bootstrap.servers", stack().bootstrapServers()), keys, values)) {
      for (Map.Entry<K, V> record : records.entrySet()) {
        producer.send(new ProducerRecord<>(topic, record.getKey(), record.getValue())).get();
      }
    }
  }

  /** Reads the topic from its start until {@code count} records arrived (at most 30 s). */
  static <K, V> List<ConsumerRecord<K, V>> read(String topic, int count, Deserializer<K> keys, Deserializer<V> values) {
    return read(topic, count, Map.of(), keys, values);
  }

  /** As {@link #read(String, int, Deserializer, Deserializer)}, with extra consumer settings. */
  static <K, V> List<ConsumerRecord<K, V>> read(String topic, int count, Map<String, Object> settings,
      Deserializer<K> keys, Deserializer<V> values) {
    Map<String, Object> config = new HashMap<>(settings);
    config.put("bootstrap.servers", stack().bootstrapServers());
    config.put("enable.auto.commit", "false");
    try (KafkaConsumer<K, V> consumer = keys == null
        ? new KafkaConsumer<>(config) : new KafkaConsumer<>(config, keys, values)) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      List<ConsumerRecord<K, V>> records = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (records.size() < count && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records;
    }
  }
}
