package io.guardstream.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GuardMetricsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final GuardMetrics metrics = new GuardMetrics(registry);

  @Test
  void guardErrorsReadZeroBeforeTheFirstError() {
    assertThat(registry.get("guardstream.guard.errors").counter().count()).isZero();
    metrics.guardError();
    assertThat(registry.get("guardstream.guard.errors").counter().count()).isEqualTo(1.0);
  }

  @Test
  void endToEndLatencyCountsAClockAheadAsNoDelay() {
    metrics.endToEndLatency(1_500);
    metrics.endToEndLatency(-200);
    Timer timer = registry.get("guardstream.end.to.end.latency").timer();
    assertThat(timer.count()).isEqualTo(2);
    assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(1_500.0);
  }

  @Test
  void topUsersAreBoundedPerWindowAndLabelledLikeTheAnomalyScores() {
    for (int i = 0; i < GuardMetrics.TOP_USERS + 5; i++) {
      metrics.userRisk("acme", "user" + i, "PT1M", i, 60_000);
    }
    metrics.userRisk("acme", "user0", "PT15M", 12.5, 900_000);

    assertThat(registry.find("guardstream.user.risk.top").tag("window", "PT1M").gauges()).hasSize(GuardMetrics.TOP_USERS);
    assertThat(registry.find("guardstream.user.risk.top").tag("window", "PT1M").tag("user", "user0").gauges())
        .as("the lowest scores were displaced").isEmpty();
    Gauge highest = registry.get("guardstream.user.risk.top").tags("tenant", "acme", "user", "user14", "window", "PT1M").gauge();
    assertThat(highest.value()).isEqualTo(14.0);
    assertThat(registry.get("guardstream.user.risk.top").tags("user", "user0", "window", "PT15M").gauge().value())
        .isEqualTo(12.5);
  }
}
