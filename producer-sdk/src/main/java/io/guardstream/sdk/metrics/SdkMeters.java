package io.guardstream.sdk.metrics;

import io.guardstream.sdk.GuardstreamClient;
import io.guardstream.sdk.SdkStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.util.function.ToDoubleFunction;

/**
 * Publishes a client's counters and buffer gauges to Micrometer. Only this class touches
 * Micrometer, and the client calls it only when Micrometer is on the class path. Meters read the
 * client's counters when scraped, so recording costs nothing extra.
 *
 * <p>Counters: {@code guardstream.sdk.recorded}, {@code .sent}, {@code .failed}, {@code .dropped},
 * {@code .spooled}, {@code .replayed}, {@code .checks}, {@code .rules.rejected}; gauges:
 * {@code guardstream.sdk.buffer.events}, {@code .buffer.bytes}, {@code .inflight},
 * {@code .spool.bytes}. All tagged {@code app}.
 */
public final class SdkMeters {
  private SdkMeters() {}

  /** Registers the client's meters in {@code registry}. */
  public static void bind(GuardstreamClient client, MeterRegistry registry) {
    String app = client.config().appName();
    counter(registry, client, app, "recorded", "Events the app recorded", SdkStats::recorded);
    counter(registry, client, app, "sent", "Records Kafka acknowledged", SdkStats::sent);
    counter(registry, client, app, "failed", "Records refused for good by Kafka or the serializer", SdkStats::failed);
    counter(registry, client, app, "dropped", "Records dropped by the overflow policy, the spool bound or close",
        SdkStats::dropped);
    counter(registry, client, app, "spooled", "Records written to the disk spool", SdkStats::spooled);
    counter(registry, client, app, "replayed", "Records replayed from the spool and acknowledged", SdkStats::replayed);
    counter(registry, client, app, "checks", "Inline checks run", SdkStats::checks);
    counter(registry, client, app, "rules.rejected", "Published rule sets rejected", SdkStats::rulesRejected);
    gauge(registry, client, app, "buffer.events", "Events waiting in memory", SdkStats::bufferedEvents);
    gauge(registry, client, app, "buffer.bytes", "Estimated bytes waiting in memory", SdkStats::bufferedBytes);
    gauge(registry, client, app, "inflight", "Records handed to Kafka and not yet acknowledged", SdkStats::inFlight);
    gauge(registry, client, app, "spool.bytes", "Bytes in the disk spool", SdkStats::spoolBytes);
  }

  /** Registers the client's meters in Micrometer's global registry. */
  public static void bindGlobal(GuardstreamClient client) {
    bind(client, Metrics.globalRegistry);
  }

  private static void counter(MeterRegistry registry, GuardstreamClient client, String app, String name,
      String description, ToDoubleFunction<SdkStats> value) {
    FunctionCounter.builder("guardstream.sdk." + name, client, c -> value.applyAsDouble(c.stats()))
        .description(description).tag("app", app).register(registry);
  }

  private static void gauge(MeterRegistry registry, GuardstreamClient client, String app, String name,
      String description, ToDoubleFunction<SdkStats> value) {
    Gauge.builder("guardstream.sdk." + name, client, c -> value.applyAsDouble(c.stats()))
        .description(description).tag("app", app).register(registry);
  }
}
