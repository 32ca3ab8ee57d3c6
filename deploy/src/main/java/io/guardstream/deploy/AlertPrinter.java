package io.guardstream.deploy;

import io.guardstream.registry.RegistryClientConfig;
import io.guardstream.schema.Alert;
import io.guardstream.serde.ConfluentAvroDeserializer;
import java.io.PrintStream;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Follows the alerts topic and prints each alert on one line, as a SOC console would show it. */
final class AlertPrinter implements AutoCloseable {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

  private final KafkaConsumer<String, Alert> consumer;
  private final PrintStream out;
  private final Thread thread;

  private AlertPrinter(KafkaConsumer<String, Alert> consumer, PrintStream out) {
    this.consumer = consumer;
    this.out = out;
    this.thread = new Thread(this::run, "alert-printer");
    this.thread.setDaemon(true);
  }

  static AlertPrinter start(String bootstrapServers, String registryUrl, String alertsTopic, PrintStream out) {
    ConfluentAvroDeserializer<Alert> deserializer = new ConfluentAvroDeserializer<>(Alert.class);
    deserializer.configure(Map.of(RegistryClientConfig.URL, registryUrl), false);
    KafkaConsumer<String, Alert> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.GROUP_ID_CONFIG, "guardstream-console-" + ProcessHandle.current().pid(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), deserializer);
    consumer.subscribe(List.of(alertsTopic));
    AlertPrinter printer = new AlertPrinter(consumer, out);
    printer.thread.start();
    return printer;
  }

  static String format(Alert a) {
    String when = TIME.format(a.getLastSeen());
    String count = a.getCount() > 1 ? " x" + a.getCount() : "";
    String tags = String.join(",", a.getAtlasTechniques()) + (a.getOwaspLlm().isEmpty() ? "" : " " + String.join(",", a.getOwaspLlm()));
    String evidence = a.getEvidence().replaceAll("\\s+", " ");
    if (evidence.length() > 160) {
      evidence = evidence.substring(0, 157) + "...";
    }
    return String.format("ALERT %s %-8s %-7s %-18s %s/%s%s [%s] %s | %s", when, a.getSeverity(), a.getType(),
        a.getCategory(), a.getTenant(), a.getUserId(), count, String.join(",", a.getRuleIds()), tags.trim(), evidence);
  }

  private void run() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        for (ConsumerRecord<String, Alert> r : consumer.poll(Duration.ofMillis(500))) {
          out.println(format(r.value()));
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      out.println("alert printer stopped: " + e);
    } finally {
      consumer.close(Duration.ofSeconds(2));
    }
  }

  @Override
  public void close() {
    consumer.wakeup();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
