package io.guardstream.sdk;

/**
 * What the SDK does when its in-memory buffer is full because Kafka is unreachable or slower than
 * the app records events.
 */
public enum OverflowPolicy {
  /** Drop the oldest buffered event to make room for the new one; each drop is counted. */
  DROP_OLDEST,
  /**
   * Move buffered events to a bounded local disk spool, replayed in order when Kafka is back;
   * past the disk bound the oldest spooled events are dropped and counted.
   */
  SPOOL
}
