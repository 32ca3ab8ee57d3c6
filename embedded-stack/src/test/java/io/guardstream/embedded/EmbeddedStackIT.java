package io.guardstream.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(180)
class EmbeddedStackIT {

  @TempDir Path dir;

  @Test
  void brokerKeepsRecordsAcrossRestart() throws Exception {
    Path data = dir.resolve("kafka");
    try (EmbeddedKafka kafka = EmbeddedKafka.start(data, 0, 0, Map.of())) {
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
        admin.createTopics(List.of(new NewTopic("t", 1, (short) 1))).all().get();
      }
      try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
          "bootstrap.servers", kafka.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
        producer.send(new ProducerRecord<>("t", "k", "before restart")).get();
      }
    }
    try (EmbeddedKafka kafka = EmbeddedKafka.start(data, 0, 0, Map.of())) {
      assertThat(readAll(kafka.bootstrapServers(), "t", 1)).containsExactly("before restart");
    }
  }

  @Test
  void registryServesConfluentApiAndKeepsSchemasAcrossRestart() throws Exception {
    Path data = dir.resolve("registry");
    String schema = "{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"A\\\",\\\"fields\\\":[{\\\"name\\\":\\\"x\\\",\\\"type\\\":\\\"int\\\"}]}\"}";
    String incompatible = "{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"A\\\",\\\"fields\\\":[{\\\"name\\\":\\\"y\\\",\\\"type\\\":\\\"int\\\"}]}\"}";
    String id;
    try (EmbeddedRegistry registry = EmbeddedRegistry.start(data, 0, ApicurioDistribution.defaultCacheDir())) {
      HttpResponse<String> created = post(registry.url() + "/subjects/t-value/versions", schema);
      assertThat(created.statusCode()).isEqualTo(200);
      id = created.body().replaceAll("[^0-9]", "");
      // Global BACKWARD compatibility is on: a new required field without default is refused.
      assertThat(post(registry.url() + "/subjects/t-value/versions", incompatible).statusCode()).isEqualTo(409);
    }
    try (EmbeddedRegistry registry = EmbeddedRegistry.start(data, 0, ApicurioDistribution.defaultCacheDir())) {
      HttpResponse<String> fetched = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(registry.url() + "/schemas/ids/" + id)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(fetched.statusCode()).isEqualTo(200);
      assertThat(fetched.body()).contains("\\\"name\\\":\\\"x\\\"");
    }
  }

  @Test
  void registryProcessIsGoneAfterClose() {
    EmbeddedRegistry registry = EmbeddedRegistry.start(dir.resolve("r"), 0, ApicurioDistribution.defaultCacheDir());
    int port = URI.create(registry.url()).getPort();
    registry.close();
    // The port is free again only once the child JVM has exited.
    Ports.requireFree(port, "registry port after close");
  }

  @Test
  void takenPortIsReportedByName() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThatThrownBy(() -> EmbeddedKafka.start(dir.resolve("k"), taken.getLocalPort(), 0, Map.of()))
          .isInstanceOf(Ports.PortInUseException.class)
          .hasMessageContaining(String.valueOf(taken.getLocalPort()))
          .hasMessageContaining("Kafka broker port");
    }
  }

  private static HttpResponse<String> post(String url, String body) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/vnd.schemaregistry.v1+json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static List<String> readAll(String bootstrap, String topic, int expected) {
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
        "bootstrap.servers", bootstrap, "group.id", "it-" + System.nanoTime(),
        "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(Set.of(topic));
      List<String> values = new java.util.ArrayList<>();
      long deadline = System.currentTimeMillis() + 30_000;
      while (values.size() < expected && System.currentTimeMillis() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          values.add(r.value());
        }
      }
      return values;
    }
  }
}
