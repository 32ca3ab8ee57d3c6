package io.guardstream.app.cli;

import io.guardstream.app.config.AppConfig;
import io.guardstream.guard.RuleSet;
import io.guardstream.guard.RuleSetParser;
import io.guardstream.guard.RuleSetValidationException;
import io.guardstream.schema.GuardRuleSet;
import io.guardstream.schema.RuleSetFormat;
import io.guardstream.serde.ConfluentAvroDeserializer;
import io.guardstream.serde.ConfluentAvroSerializer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rules validate | publish | show}: manage the rule set the stream enforces. */
@Command(name = "rules", mixinStandardHelpOptions = true,
    description = "Validate, publish and show guard rule sets (published to the compacted rules topic; "
        + "running instances switch to a new valid version within seconds).",
    subcommands = {RulesCommand.Validate.class, RulesCommand.Publish.class, RulesCommand.Show.class})
public final class RulesCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  static String topic(String option) {
    if (option != null) {
      return option;
    }
    String env = System.getenv(AppConfig.TOPIC_GUARD_RULES.envName());
    return env == null || env.isBlank() ? AppConfig.TOPIC_GUARD_RULES.defaultValue() : env;
  }

  static RuleSetFormat format(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".json") ? RuleSetFormat.JSON : RuleSetFormat.YAML;
  }

  /** Parses and validates; prints every problem and returns null when invalid. */
  static RuleSet validate(Path file, String document) {
    try {
      RuleSet rules = RuleSetParser.parse(document,
          format(file) == RuleSetFormat.JSON ? RuleSetParser.Format.JSON : RuleSetParser.Format.YAML);
      System.out.println(file + ": valid rule set " + rules.id() + " version " + rules.version() + " ("
          + rules.rules().size() + " rules)");
      return rules;
    } catch (RuleSetValidationException e) {
      System.err.println(file + ": invalid rule set:");
      System.err.println(e.getMessage());
      return null;
    }
  }

  @Command(name = "validate", mixinStandardHelpOptions = true, description = "Check a rule set file offline.")
  static final class Validate implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "Rule set (.yaml, .yml or .json).")
    Path file;

    @Override
    public Integer call() throws IOException {
      return validate(file, Files.readString(file)) == null ? 1 : 0;
    }
  }

  @Command(name = "publish", mixinStandardHelpOptions = true,
      description = "Validate a rule set file and publish it; refuses an invalid one.")
  static final class Publish implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "Rule set (.yaml, .yml or .json).")
    Path file;

    @Option(names = "--id", description = "Rule set id to publish under (default: $GUARDSTREAM_RULE_SET_ID, else default). "
        + "Instances enforce the id their guardstream.rule-set.id names.")
    String id;

    @Option(names = "--topic", description = "Rules topic (default: $GUARDSTREAM_TOPIC_GUARD_RULES, else ai.guard-rules).")
    String topic;

    @Mixin ClusterOptions cluster;

    @Override
    public Integer call() throws Exception {
      String document = Files.readString(file);
      RuleSet rules = validate(file, document);
      if (rules == null) {
        return 1;
      }
      String key = id != null ? id : firstNonBlank(System.getenv(AppConfig.RULE_SET_ID.envName()), AppConfig.RULE_SET_ID.defaultValue());
      GuardRuleSet record = GuardRuleSet.newBuilder()
          .setRuleSetId(key)
          .setVersion(rules.version())
          .setFormat(format(file))
          .setDocument(document)
          .setSha256(sha256(document))
          .setPublishedAt(Instant.now())
          .setPublishedBy(System.getProperty("user.name"))
          .build();
      Map<String, Object> config = cluster.clientConfig();
      config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      config.put(ProducerConfig.ACKS_CONFIG, "all");
      ConfluentAvroSerializer<GuardRuleSet> serializer = new ConfluentAvroSerializer<>();
      serializer.configure(config, false);
      try (KafkaProducer<String, GuardRuleSet> producer = new KafkaProducer<>(config, new StringSerializer(), serializer)) {
        var meta = producer.send(new ProducerRecord<>(topic(topic), key, record)).get(30, TimeUnit.SECONDS);
        System.out.println("published rule set " + key + " version " + rules.version() + " to " + meta.topic()
            + " (offset " + meta.offset() + ")");
      }
      return 0;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Print the latest published version of a rule set.")
  static final class Show implements Callable<Integer> {
    @Option(names = "--id", description = "Rule set id (default: $GUARDSTREAM_RULE_SET_ID, else default).")
    String id;

    @Option(names = "--document", description = "Print the whole document, not only its summary.")
    boolean document;

    @Option(names = "--topic", description = "Rules topic (default: $GUARDSTREAM_TOPIC_GUARD_RULES, else ai.guard-rules).")
    String topic;

    @Mixin ClusterOptions cluster;

    @Override
    public Integer call() {
      String key = id != null ? id : firstNonBlank(System.getenv(AppConfig.RULE_SET_ID.envName()), AppConfig.RULE_SET_ID.defaultValue());
      Map<String, Object> config = cluster.clientConfig();
      config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
      config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
      ConfluentAvroDeserializer<GuardRuleSet> deserializer = new ConfluentAvroDeserializer<>(GuardRuleSet.class);
      deserializer.configure(config, false);
      GuardRuleSet latest = null;
      try (KafkaConsumer<String, GuardRuleSet> consumer = new KafkaConsumer<>(config, new StringDeserializer(), deserializer)) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic(topic), Duration.ofSeconds(30)).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        long deadline = System.currentTimeMillis() + 30_000;
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.currentTimeMillis() < deadline) {
          for (ConsumerRecord<String, GuardRuleSet> r : consumer.poll(Duration.ofMillis(500))) {
            if (key.equals(r.key())) {
              latest = r.value();
            }
          }
        }
      }
      if (latest == null) {
        System.out.println("no rule set " + key + " published on " + topic(topic) + ": instances use the built-in defaults ("
            + RuleSet.defaults().id() + " version " + RuleSet.defaults().version() + ")");
        return 0;
      }
      System.out.println("rule set " + latest.getRuleSetId() + " version " + latest.getVersion() + ", published "
          + latest.getPublishedAt() + (latest.getPublishedBy() == null ? "" : " by " + latest.getPublishedBy())
          + ", sha256 " + latest.getSha256());
      if (document) {
        System.out.println(latest.getDocument());
      }
      return 0;
    }
  }

  static String sha256(String document) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String firstNonBlank(String a, String b) {
    return a == null || a.isBlank() ? b : a;
  }
}
