package io.guardstream.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.guardstream.guard.Decision;
import io.guardstream.registry.RegistryClientConfig;
import io.guardstream.schema.GuardRuleSet;
import io.guardstream.schema.RuleSetFormat;
import io.guardstream.serde.ConfluentAvroSerializer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Inline checks follow the rule set published to the guard-rules topic, as the stream does. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class RulesFollowIT {
  private static final String CUSTOM_RULES = """
      id: default
      version: "it-1"
      rules:
        - id: it.forbidden-topic
          description: The test's forbidden phrase.
          applies_to: {direction: input}
          detector:
            type: keywords
            phrases: [purple elephant protocol]
          category: policy
          entity_type: FORBIDDEN_TOPIC
          severity: high
          action: block
          confidence: 1.0
      """;

  @Test
  void publishedRuleSetChangesInlineVerdicts() throws Exception {
    String bootstrap = ItSupport.stack().bootstrapServers();
    String rulesTopic = ItSupport.topic("rules");
    ItSupport.createTopic(bootstrap, rulesTopic, 1, true);
    try (GuardstreamClient client = ItSupport.config(bootstrap, ItSupport.topic("events"), ItSupport.topic("prompts"))
        .set(GuardstreamConfig.RULES_FOLLOW, "true")
        .set(GuardstreamConfig.TOPIC_GUARD_RULES, rulesTopic)
        .start();
        KafkaProducer<String, Object> producer = publisher(bootstrap)) {
      String probe = "please activate the purple elephant protocol";
      assertThat(client.checkPrompt(probe).decision()).isEqualTo(Decision.ALLOW);
      String builtInVersion = client.stats().ruleSetVersion();

      producer.send(new ProducerRecord<>(rulesTopic, "default", ruleSet("default", "broken-1", "rules: [this is not valid"))).get();
      producer.send(new ProducerRecord<>(rulesTopic, "other-set", ruleSet("other-set", "it-1", CUSTOM_RULES))).get();
      await().atMost(Duration.ofSeconds(60)).until(() -> client.stats().rulesRejected() >= 1);
      assertThat(client.stats().ruleSetVersion()).isEqualTo(builtInVersion);
      assertThat(client.checkPrompt(probe).blocked()).isFalse();

      producer.send(new ProducerRecord<>(rulesTopic, "default", ruleSet("default", "it-1", CUSTOM_RULES))).get();
      await().atMost(Duration.ofSeconds(60)).until(() -> "it-1".equals(client.stats().ruleSetVersion()));
      InlineVerdict verdict = client.checkPrompt(probe);
      assertThat(verdict.blocked()).isTrue();
      assertThat(verdict.findings()).anySatisfy(f -> assertThat(f.ruleId()).isEqualTo("it.forbidden-topic"));

      producer.send(new ProducerRecord<>(rulesTopic, "default", null)).get();
      await().atMost(Duration.ofSeconds(60)).until(() -> builtInVersion.equals(client.stats().ruleSetVersion()));
      assertThat(client.checkPrompt(probe).blocked()).isFalse();
    }
  }

  private static KafkaProducer<String, Object> publisher(String bootstrap) {
    ConfluentAvroSerializer<Object> values = new ConfluentAvroSerializer<>();
    values.configure(Map.of(RegistryClientConfig.URL, ItSupport.stack().registryUrl()), false);
    return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), values);
  }

  private static GuardRuleSet ruleSet(String id, String version, String document) throws Exception {
    byte[] sha = MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8));
    return GuardRuleSet.newBuilder().setRuleSetId(id).setVersion(version).setFormat(RuleSetFormat.YAML)
        .setDocument(document).setSha256(HexFormat.of().formatHex(sha)).setPublishedAt(Instant.now())
        .setPublishedBy("it").build();
  }
}
