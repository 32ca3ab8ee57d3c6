package io.guardstream.app.admin;

import io.guardstream.app.config.AppConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The topics guardstream reads and writes, with the partitions, retention and cleanup policy they
 * should have. {@link #ensure} creates the missing ones (existing topics are left as they are).
 */
public final class TopicCatalog {

  /** A topic to create: name, partitions and topic-level configs. */
  public record TopicSpec(String name, int partitions, Map<String, String> configs) {}

  private final List<TopicSpec> topics;

  private TopicCatalog(List<TopicSpec> topics) {
    this.topics = List.copyOf(topics);
  }

  /**
   * The catalogue for a configuration. Partitions bound parallelism (instances x threads); the
   * compacted topics are tiny and read whole by every instance, so one partition each.
   */
  public static TopicCatalog of(AppConfig config, int partitions) {
    List<TopicSpec> specs = new ArrayList<>();
    specs.add(deleting(config.get(AppConfig.TOPIC_EVENTS), partitions, Duration.ofDays(7)));
    specs.add(deleting(config.get(AppConfig.TOPIC_AUDIT), partitions, Duration.ofDays(30)));
    specs.add(deleting(config.get(AppConfig.TOPIC_ALERTS), Math.max(1, partitions / 2), Duration.ofDays(90)));
    specs.add(deleting(config.get(AppConfig.TOPIC_ALERTS_OCSF), Math.max(1, partitions / 2), Duration.ofDays(90)));
    specs.add(deleting(config.get(AppConfig.TOPIC_USER_RISK), partitions, Duration.ofDays(7)));
    specs.add(deleting(config.get(AppConfig.TOPIC_DLQ), Math.max(1, partitions / 2), Duration.ofDays(30)));
    specs.add(compacted(config.get(AppConfig.TOPIC_GUARD_RULES)));
    specs.add(compacted(config.get(AppConfig.TOPIC_SYSTEM_PROMPTS)));
    return new TopicCatalog(specs);
  }

  private static TopicSpec deleting(String name, int partitions, Duration retention) {
    return new TopicSpec(name, partitions, Map.of(
        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
        TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retention.toMillis())));
  }

  private static TopicSpec compacted(String name) {
    return new TopicSpec(name, 1, Map.of(
        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
        TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0",
        TopicConfig.SEGMENT_MS_CONFIG, String.valueOf(Duration.ofHours(1).toMillis())));
  }

  public List<TopicSpec> topics() {
    return topics;
  }

  public Optional<TopicSpec> topic(String name) {
    return topics.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /**
   * Creates every topic of the catalogue that does not exist yet.
   *
   * @param replicationFactor replicas per partition, or -1 for the broker default
   * @return names of the topics created
   */
  public List<String> ensure(Admin admin, short replicationFactor) throws InterruptedException {
    try {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing = topics.stream()
          .filter(t -> !existing.contains(t.name()))
          .map(t -> new NewTopic(t.name(), Optional.of(t.partitions()),
              replicationFactor < 0 ? Optional.empty() : Optional.of(replicationFactor)).configs(t.configs()))
          .toList();
      List<String> created = new ArrayList<>();
      for (var entry : admin.createTopics(missing).values().entrySet()) {
        try {
          entry.getValue().get(30, TimeUnit.SECONDS);
          created.add(entry.getKey());
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
      return created;
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot create topics: " + e.getMessage(), e);
    }
  }
}
