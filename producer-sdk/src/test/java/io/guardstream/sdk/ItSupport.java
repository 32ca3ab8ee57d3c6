package io.guardstream.sdk;

import io.guardstream.embedded.EmbeddedStack;
import io.guardstream.registry.RegistryClientConfig;
import io.guardstream.serde.ConfluentAvroDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.avro.specific.SpecificRecord;

/** Topics, clients and readers for the integration tests (real broker, real registry). */
final class ItSupport {
  private ItSupport() {}

  static EmbeddedStack stack() {
    return EmbeddedStack.shared();
  }

  /** A unique topic name with this prefix. */
  static String topic(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static void createTopic(String bootstrap, String topic, int partitions, boolean compacted) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      NewTopic t = new NewTopic(topic, partitions, (short) 1);
      if (compacted) {
        t.configs(Map.of("cleanup.policy", "compact"));
      }
      admin.createTopics(List.of(t)).all().get(30, TimeUnit.SECONDS);
    }
  }

  /** Settings for a client of the shared stack, writing to the given topics, not following rules. */
  static GuardstreamConfig.Builder config(String bootstrap, String eventsTopic, String promptsTopic) {
    return GuardstreamConfig.builder()
        .bootstrapServers(bootstrap)
        .schemaRegistryUrl(stack().registryUrl())
        .app("it-app", "1.0", "test")
        .set(GuardstreamConfig.TOPIC_EVENTS, eventsTopic)
        .set(GuardstreamConfig.TOPIC_SYSTEM_PROMPTS, promptsTopic)
        .set(GuardstreamConfig.RULES_FOLLOW, "false")
        .set(GuardstreamConfig.METRICS_MICROMETER, "false");
  }

  /** Reads until {@code expected} records arrived from the start of every partition (or 60 s passed). */
  static <T extends SpecificRecord> List<ConsumerRecord<String, T>> read(String bootstrap, String topic, Class<T> type,
      int expected) {
    ConfluentAvroDeserializer<T> values = new ConfluentAvroDeserializer<>(type);
    values.configure(Map.of(RegistryClientConfig.URL, stack().registryUrl()), false);
    List<ConsumerRecord<String, T>> out = new ArrayList<>();
    try (KafkaConsumer<String, T> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), values)) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (out.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
      }
      // A little longer, so duplicates beyond the expected count would show.
      consumer.poll(Duration.ofMillis(500)).forEach(out::add);
    }
    return out;
  }
}
