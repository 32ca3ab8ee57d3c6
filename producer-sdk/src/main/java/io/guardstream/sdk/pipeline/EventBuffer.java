package io.guardstream.sdk.pipeline;

import io.guardstream.sdk.metrics.SdkCounters;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bounded in-memory queue between recording threads and the sender thread. Offering never
 * blocks and never does I/O: past the bound (events or estimated bytes) the oldest queued events
 * are dropped and counted.
 */
public final class EventBuffer {
  private final ConcurrentLinkedQueue<CapturedEvent> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger count = new AtomicInteger();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong nextSeq = new AtomicLong();
  private final int maxEvents;
  private final long maxBytes;
  private final SdkCounters counters;
  private final Wakeup wakeup;

  /** A buffer holding at most {@code maxEvents} events and about {@code maxBytes} bytes. */
  public EventBuffer(int maxEvents, long maxBytes, SdkCounters counters, Wakeup wakeup) {
    this.maxEvents = maxEvents;
    this.maxBytes = maxBytes;
    this.counters = counters;
    this.wakeup = wakeup;
  }

  /** Queues an event, dropping the oldest ones if the bound is exceeded, and wakes the sender. */
  public void offer(CapturedEvent event) {
    event.seq = nextSeq.getAndIncrement();
    queue.offer(event);
    int n = count.incrementAndGet();
    long b = bytes.addAndGet(event.estimatedBytes);
    while (n > maxEvents || b > maxBytes) {
      CapturedEvent oldest = queue.poll();
      if (oldest == null) {
        break;
      }
      n = count.decrementAndGet();
      b = bytes.addAndGet(-oldest.estimatedBytes);
      counters.dropped.increment();
    }
    wakeup.signal();
  }

  /** Takes the oldest event, or null. */
  public CapturedEvent poll() {
    CapturedEvent e = queue.poll();
    if (e != null) {
      count.decrementAndGet();
      bytes.addAndGet(-e.estimatedBytes);
    }
    return e;
  }

  /** The oldest event's sequence number, or {@link Long#MAX_VALUE} when empty. */
  public long oldestSeq() {
    CapturedEvent e = queue.peek();
    return e == null ? Long.MAX_VALUE : e.seq;
  }

  /** Takes a sequence number for something that is not an event (a registration), in the same order. */
  public long nextSeq() {
    return nextSeq.getAndIncrement();
  }

  /** The sequence number of the latest event or registration, -1 before the first. */
  public long lastSeq() {
    return nextSeq.get() - 1;
  }

  /** Events queued. */
  public int size() {
    return count.get();
  }

  /** Estimated bytes queued. */
  public long bytes() {
    return bytes.get();
  }

  /** True when at least half of either bound is used: time to move events to the spool. */
  public boolean halfFull() {
    return count.get() * 2L >= maxEvents || bytes.get() * 2 >= maxBytes;
  }
}
