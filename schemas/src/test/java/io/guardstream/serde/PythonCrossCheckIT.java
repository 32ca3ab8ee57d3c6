package io.guardstream.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guardstream.schema.AiEvent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records our serializer wrote are read by clients that are not ours: confluent_kafka's Consumer
 * and SchemaRegistryClient and the avro package, from Debian, run by
 * src/test/python/crosscheck_decode.py. Skipped when those packages are missing, unless
 * GUARDSTREAM_CROSSCHECK_REQUIRED=true (set by .ci/run), where it fails instead.
 */
@Timeout(120)
class PythonCrossCheckIT {
  /** Debian's interpreter: the packages are installed for it, not for a pyenv python3 on PATH. */
  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final Path SCRIPT = Path.of("src/test/python/crosscheck_decode.py");
  private static final String INSTALL = "apt-get install -y python3-confluent-kafka python3-avro python3-requests";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @BeforeAll
  static void requireDebianClients() throws Exception {
    String missing = missingClients();
    if (missing != null) {
      String message = "Python cross-check not run: " + missing + "; install with: " + INSTALL;
      if ("true".equalsIgnoreCase(System.getenv("GUARDSTREAM_CROSSCHECK_REQUIRED"))) {
        fail(message + " (GUARDSTREAM_CROSSCHECK_REQUIRED=true)");
      }
      Assumptions.abort(message);
    }
  }

  @Test
  void recordsWrittenByOurSerializerDecodeWithConfluentKafkaPython() throws Exception {
    String topic = TestTopics.create("crosscheck");
    Map<String, AiEvent> sent = new LinkedHashMap<>();
    for (int i = 0; i < 3; i++) {
      AiEvent event = TestEvents.event(i);
      sent.put(event.getTenant() + ":" + event.getUserId(), event);
    }
    ConfluentAvroSerializer<AiEvent> serializer = new ConfluentAvroSerializer<>();
    serializer.configure(Map.of("schema.registry.url", TestTopics.stack().registryUrl()), false);
    TestTopics.produce(topic, new StringSerializer(), serializer, sent);
    byte[] written = TestTopics.read(topic, 1, new ByteArrayDeserializer(), new ByteArrayDeserializer()).get(0).value();
    int schemaId = ByteBuffer.wrap(written, 1, 4).getInt();

    List<JsonNode> decoded = runScript(topic, sent.size());

    assertThat(decoded).hasSize(sent.size());
    List<AiEvent> expected = new ArrayList<>(sent.values());
    for (int i = 0; i < decoded.size(); i++) {
      JsonNode record = decoded.get(i);
      JsonNode value = record.get("value");
      AiEvent event = expected.get(i);
      assertThat(record.get("schema_id").asInt()).isEqualTo(schemaId);
      assertThat(record.get("key").asText()).isEqualTo(event.getTenant() + ":" + event.getUserId());
      assertThat(value.get("event_id").asText()).isEqualTo(event.getEventId());
      assertThat(value.get("kind").asText()).isEqualTo("RESPONSE");
      assertThat(value.get("event_time").asLong()).isEqualTo(event.getEventTime().toEpochMilli());
      assertThat(value.get("content").asText()).isEqualTo(event.getContent());
      assertThat(value.get("app").get("version").asText()).isEqualTo(event.getApp().getVersion());
      assertThat(value.get("usage").get("input_tokens").asLong()).isEqualTo(event.getUsage().getInputTokens());
      assertThat(value.get("documents").get(0).get("labels").get(0).asText()).isEqualTo("public");
      assertThat(value.get("attributes").get("n").asText()).isEqualTo(Integer.toString(i));
      assertThat(value.get("session_id").isNull()).isTrue();
      assertThat(value.get("content_truncated").asBoolean()).isFalse();
    }
  }

  private List<JsonNode> runScript(String topic, int count) throws Exception {
    Path stderr = dir.resolve("stderr.txt");
    Process process = new ProcessBuilder(PYTHON.toString(), SCRIPT.toString(),
        "--bootstrap", TestTopics.stack().bootstrapServers(),
        "--registry", TestTopics.stack().registryUrl(),
        "--topic", topic, "--count", Integer.toString(count), "--timeout", "60")
        .redirectError(stderr.toFile())
        .start();
    process.getOutputStream().close();
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("crosscheck_decode.py did not finish; stderr:\n" + Files.readString(stderr));
    }
    assertThat(process.exitValue())
        .as("crosscheck_decode.py exit code; stderr:\n%s\nstdout:\n%s", Files.readString(stderr), stdout)
        .isZero();
    List<JsonNode> records = new ArrayList<>();
    for (String line : stdout.split("\n")) {
      if (!line.isBlank()) {
        records.add(JSON.readTree(line));
      }
    }
    return records;
  }

  /** Null when the interpreter and its packages are there, else what is missing. */
  private static String missingClients() throws Exception {
    if (!Files.isExecutable(PYTHON)) {
      return PYTHON + " not found";
    }
    Process probe = new ProcessBuilder(PYTHON.toString(), "-c",
        "import confluent_kafka.schema_registry, avro.io, avro.schema, requests")
        .redirectErrorStream(true).start();
    String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (!probe.waitFor(30, TimeUnit.SECONDS)) {
      probe.destroyForcibly();
      return PYTHON + " did not answer";
    }
    if (probe.exitValue() != 0) {
      String[] lines = output.split("\n");
      return PYTHON + " cannot import the clients (" + lines[lines.length - 1] + ")";
    }
    return null;
  }
}
