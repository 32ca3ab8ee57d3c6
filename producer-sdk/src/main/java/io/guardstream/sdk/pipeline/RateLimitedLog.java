package io.guardstream.sdk.pipeline;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Logs a recurring problem (Kafka down, registry down) at most once per interval, so an outage
 * does not flood the host app's logs; the counters carry the exact numbers.
 */
final class RateLimitedLog {
  private final Logger log;
  private final long intervalNanos;
  private final AtomicLong next = new AtomicLong(System.nanoTime());

  RateLimitedLog(Logger log, Duration interval) {
    this.log = log;
    this.intervalNanos = interval.toNanos();
  }

  void warn(String format, Object... args) {
    if (due()) {
      log.warn(format, args);
    }
  }

  void error(String format, Object... args) {
    if (due()) {
      log.error(format, args);
    }
  }

  private boolean due() {
    long now = System.nanoTime();
    long at = next.get();
    return now - at >= 0 && next.compareAndSet(at, now + intervalNanos);
  }
}
