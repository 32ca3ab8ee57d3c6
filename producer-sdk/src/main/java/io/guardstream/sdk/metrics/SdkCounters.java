package io.guardstream.sdk.metrics;

import java.util.concurrent.atomic.LongAdder;

/**
 * The SDK's event counters. LongAdders, so many recording threads can count without contending.
 * Every event the app records ends as exactly one of sent, failed or dropped (or stays buffered,
 * in flight or spooled).
 */
public final class SdkCounters {
  /** Events the app recorded. */
  public final LongAdder recorded = new LongAdder();
  /** Records Kafka acknowledged (events and system prompt registrations). */
  public final LongAdder sent = new LongAdder();
  /** Records Kafka or the serializer refused for good (logged). */
  public final LongAdder failed = new LongAdder();
  /** Records dropped by the overflow policy, the spool's disk bound, or close(). */
  public final LongAdder dropped = new LongAdder();
  /** Records written to the disk spool. */
  public final LongAdder spooled = new LongAdder();
  /** Records read back from the spool and acknowledged by Kafka. */
  public final LongAdder replayed = new LongAdder();
  /** Inline checks run. */
  public final LongAdder checks = new LongAdder();
  /** Published rule sets activated. */
  public final LongAdder rulesApplied = new LongAdder();
  /** Published rule sets rejected (invalid or undecodable); the current one stayed. */
  public final LongAdder rulesRejected = new LongAdder();
}
