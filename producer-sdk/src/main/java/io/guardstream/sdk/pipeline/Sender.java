package io.guardstream.sdk.pipeline;

import io.guardstream.registry.SchemaRegistryUnavailableException;
import io.guardstream.sdk.metrics.SdkCounters;
import io.guardstream.sdk.spool.DiskSpool;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SDK's one background thread: takes recorded events and registrations, encodes them, and
 * hands them to the Kafka producer; spools them to disk when the memory buffer runs full (SPOOL);
 * replays the spool in order when Kafka is back. All network and disk I/O of the recording path
 * happens here, never on the app's threads.
 *
 * <p>Order: what waits in memory is newer than what waits in the spool, which is newer than what
 * the producer holds, so events leave in the order they were recorded (per partition, as Kafka
 * keeps it). While anything is unread in the spool, new events wait behind it. The producer is
 * idempotent and never expires records (the SDK bounds how many it holds), so retries neither
 * reorder nor duplicate them.
 */
public final class Sender implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(Sender.class);
  private static final long MAX_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(5);
  private static final long MIN_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
  /** Refusals are normal for a moment (first metadata fetch); past this long they are reported. */
  private static final long UNREACHABLE_WARN_NANOS = TimeUnit.SECONDS.toNanos(5);
  private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  /** Records moved per loop turn, so acknowledgements and spilling interleave with sending. */
  private static final int BATCH = 512;

  private static final int PENDING = 0;
  private static final int DELIVERED = 1;
  private static final int FAILED = 2;

  /** A record handed to the producer, waiting for its acknowledgement. */
  private final class Flight implements Callback {
    final Outbound out;
    /** Where it ends in the spool (commit once delivered), or -1 if it is not in the spool. */
    long spoolPosition;
    final boolean replayed;
    volatile int state = PENDING;
    volatile Exception error;

    Flight(Outbound out, long spoolPosition, boolean replayed) {
      this.out = out;
      this.spoolPosition = spoolPosition;
      this.replayed = replayed;
    }

    @Override
    public void onCompletion(RecordMetadata metadata, Exception exception) {
      error = exception;
      state = exception == null ? DELIVERED : FAILED;
      wakeup.signal();
    }
  }

  /** What the sender needs besides its queues. */
  public record Settings(int maxInFlight, Duration closeTimeout) {}

  private final Settings settings;
  private final EventBuffer buffer;
  private final ConcurrentLinkedQueue<Outbound> registrations;
  private final EventEncoder encoder;
  private final Serializer<Object> serializer;
  private final Supplier<Producer<String, byte[]>> producerFactory;
  private final Supplier<DiskSpool> spoolFactory;
  private final SdkCounters counters;
  private final Wakeup wakeup;
  private final ArrayDeque<Flight> window = new ArrayDeque<>();
  private final AtomicInteger flushWaiters = new AtomicInteger();
  private final RateLimitedLog problems = new RateLimitedLog(log, Duration.ofSeconds(30));

  private Producer<String, byte[]> producer;
  private DiskSpool spool;
  /** A record the producer or registry could not take yet; sent first when they can. */
  private Flight retry;
  private long backoffNanos;
  private long unreachableSince;
  private long backoffUntil;
  private volatile long closeDeadline;
  private volatile boolean closing;
  private volatile boolean finished;
  private volatile long oldestHeld = Long.MIN_VALUE;
  private volatile long heldGeneration;
  private volatile int inFlight;
  private volatile long spoolBytes;

  /**
   * @param spoolFactory opens the spool on the sender thread, or null for DROP_OLDEST
   */
  public Sender(Settings settings, EventBuffer buffer, ConcurrentLinkedQueue<Outbound> registrations,
      EventEncoder encoder, Serializer<Object> serializer, Supplier<Producer<String, byte[]>> producerFactory,
      Supplier<DiskSpool> spoolFactory, SdkCounters counters, Wakeup wakeup) {
    this.settings = settings;
    this.buffer = buffer;
    this.registrations = registrations;
    this.encoder = encoder;
    this.serializer = serializer;
    this.producerFactory = producerFactory;
    this.spoolFactory = spoolFactory;
    this.counters = counters;
    this.wakeup = wakeup;
  }

  @Override
  public void run() {
    openSpool();
    while (true) {
      try {
        reap();
        if (closing && (drained() || System.nanoTime() - closeDeadline >= 0)) {
          break;
        }
        boolean busy = spill();
        if (producer == null && readyToTry()) {
          createProducer();
        }
        if (producer != null && readyToTry()) {
          busy |= send();
        }
        if (spool != null) {
          spool.maintain();
          spoolBytes = spool.bytes();
        }
        inFlight = window.size();
        if (flushWaiters.get() > 0) {
          publishOldestHeld();
        }
        if (!busy) {
          long wait = backoffUntil - System.nanoTime();
          wakeup.await(wait > 0 ? Math.min(wait, IDLE_NANOS) : IDLE_NANOS);
        }
      } catch (RuntimeException e) {
        // Never die: a disk or client problem must not stop the SDK from buffering and retrying.
        problems.error("guardstream sender: unexpected problem, retrying: {}", e.toString());
        backoff();
        wakeup.await(MIN_BACKOFF_NANOS);
      }
    }
    finish();
  }

  private void openSpool() {
    if (spoolFactory == null) {
      return;
    }
    try {
      spool = spoolFactory.get();
      spoolBytes = spool.bytes();
    } catch (RuntimeException e) {
      log.error("guardstream: cannot use the disk spool, dropping the oldest events on overflow instead: {}",
          e.getMessage());
    }
  }

  private boolean readyToTry() {
    return System.nanoTime() - backoffUntil >= 0;
  }

  private void createProducer() {
    try {
      producer = producerFactory.get();
      backoffNanos = 0;
    } catch (RuntimeException e) {
      problems.error("guardstream: cannot create the Kafka producer yet (retrying): {}", e.toString());
      backoff();
    }
  }

  private void backoff() {
    backoffNanos = backoffNanos == 0 ? MIN_BACKOFF_NANOS : Math.min(MAX_BACKOFF_NANOS, backoffNanos * 2);
    backoffUntil = System.nanoTime() + backoffNanos;
  }

  /** Retires acknowledged records from the head of the window, in order, committing the spool. */
  private void reap() {
    Flight f;
    while ((f = window.peekFirst()) != null && f.state != PENDING) {
      window.pollFirst();
      if (f.state == DELIVERED) {
        counters.sent.increment();
        if (f.replayed) {
          counters.replayed.increment();
        }
        backoffNanos = 0;
      } else {
        counters.failed.increment();
        problems.error("guardstream: Kafka refused a record for {}: {}", f.out.topic(), String.valueOf(f.error));
      }
      if (f.spoolPosition >= 0) {
        spool.commit(f.spoolPosition);
      }
    }
  }

  /**
   * SPOOL: once the memory buffer is half full, writes the waiting events to disk (after copying
   * records the producer still holds, so the disk keeps the whole order if the process stops).
   */
  private boolean spill() {
    if (spool == null || !buffer.halfFull()) {
      return false;
    }
    if (!spool.hasUnread()) {
      for (Flight f : window) {
        if (f.spoolPosition < 0 && f.state == PENDING && isEvent(f.out)) {
          f.spoolPosition = spool.appendInFlight(f.out);
        }
      }
      if (retry != null && retry.spoolPosition < 0 && isEvent(retry.out)) {
        // Not sent yet: it goes to disk as the first unread record, so it is read again.
        spoolAppend(retry.out);
        retry = null;
      }
    }
    int moved = 0;
    CapturedEvent e;
    while (moved < BATCH * 4 && (e = buffer.poll()) != null) {
      spoolAppend(encoder.encode(e));
      moved++;
    }
    return moved > 0;
  }

  private void spoolAppend(Outbound out) {
    if (spool.append(out)) {
      counters.spooled.increment();
    }
  }

  private static boolean isEvent(Outbound out) {
    return out.value() instanceof io.guardstream.schema.AiEvent;
  }

  /** Hands records to the producer while the window has room; true if any moved. */
  private boolean send() {
    int moved = 0;
    while (moved < BATCH && window.size() < settings.maxInFlight()) {
      Flight f = nextFlight();
      if (f == null) {
        break;
      }
      byte[] value;
      try {
        value = serializer.serialize(f.out.topic(), f.out.value());
      } catch (SchemaRegistryUnavailableException e) {
        retry = f;
        problems.warn("guardstream: schema registry unreachable, holding events until it answers: {}", e.getMessage());
        backoff();
        return moved > 0;
      } catch (RuntimeException e) {
        problems.error("guardstream: cannot serialize a record for {}; dropping it: {}", f.out.topic(), e.toString());
        f.onCompletion(null, e);
        window.addLast(f);
        continue;
      }
      try {
        producer.send(new ProducerRecord<>(f.out.topic(), null, f.out.timestamp(), f.out.key(), value), f);
      } catch (RuntimeException e) {
        f.onCompletion(null, e);
      }
      if (f.state == FAILED && f.error instanceof RetriableException) {
        // Refused before it was queued (e.g. no metadata while Kafka is down): safe to send again.
        Exception refused = f.error;
        f.state = PENDING;
        f.error = null;
        retry = f;
        long now = System.nanoTime();
        if (unreachableSince == 0) {
          unreachableSince = now;
        } else if (now - unreachableSince > UNREACHABLE_WARN_NANOS) {
          problems.warn("guardstream: Kafka unreachable for {} s, buffering events for {}: {}",
              (now - unreachableSince) / 1_000_000_000L, f.out.topic(), refused.toString());
        }
        backoff();
        return moved > 0;
      }
      window.addLast(f);
      unreachableSince = 0;
      moved++;
    }
    return moved > 0;
  }

  /** The next record in delivery order: a held retry, a registration, the spool, then memory. */
  private Flight nextFlight() {
    if (retry != null) {
      Flight f = retry;
      retry = null;
      return f;
    }
    Outbound registration = registrations.poll();
    if (registration != null) {
      return new Flight(registration, -1, false);
    }
    if (spool != null && spool.hasUnread()) {
      DiskSpool.Entry entry = spool.next();
      if (entry != null) {
        return new Flight(entry.record(), entry.endPosition(), true);
      }
    }
    CapturedEvent e = buffer.poll();
    return e == null ? null : new Flight(encoder.encode(e), -1, false);
  }

  private boolean drained() {
    return window.isEmpty() && retry == null && registrations.isEmpty() && buffer.size() == 0
        && (spool == null || !spool.hasUnread());
  }

  /** Computes the oldest sequence number still held anywhere, for flush(). */
  private void publishOldestHeld() {
    long oldest = buffer.oldestSeq();
    for (Flight f : window) {
      if (f.state == PENDING) {
        oldest = Math.min(oldest, f.out.seq());
      }
    }
    if (retry != null) {
      oldest = Math.min(oldest, retry.out.seq());
    }
    for (Outbound r : registrations) {
      oldest = Math.min(oldest, r.seq());
    }
    if (spool != null) {
      oldest = Math.min(oldest, spool.nextSeq());
    }
    oldestHeld = oldest;
    heldGeneration++;
  }

  /**
   * Waits until everything recorded before the call was delivered (or dropped or failed).
   *
   * @return false when the timeout passed first
   */
  public boolean flush(long lastSeq, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    flushWaiters.incrementAndGet();
    try {
      // Two fresh computations: one may have started before this call and miss newer events.
      long generation = heldGeneration;
      while (true) {
        if (finished || heldGeneration - generation >= 2) {
          if (oldestHeld > lastSeq) {
            return true;
          }
          if (finished) {
            return false;
          }
        }
        if (System.nanoTime() - deadline >= 0) {
          return false;
        }
        wakeup.signal();
        try {
          Thread.sleep(1);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    } finally {
      flushWaiters.decrementAndGet();
    }
  }

  /** Asks the thread to deliver what it holds within the close timeout, then stop. */
  public void beginClose() {
    closeDeadline = System.nanoTime() + settings.closeTimeout().toNanos();
    closing = true;
    wakeup.signal();
  }

  /** After the deadline: spools (SPOOL) or counts as dropped what was not delivered, then closes. */
  private void finish() {
    reap();
    // Records acknowledged behind a still-pending one: count them now, they will not be reaped.
    for (var it = window.iterator(); it.hasNext(); ) {
      int state = it.next().state;
      if (state != PENDING) {
        (state == DELIVERED ? counters.sent : counters.failed).increment();
        it.remove();
      }
    }
    long undelivered = 0;
    boolean leftBehind = !window.isEmpty() || retry != null || !registrations.isEmpty() || buffer.size() > 0;
    if (spool != null) {
      try {
        leftBehind |= spool.hasUnread();
        if (!spool.hasUnread()) {
          for (Flight f : window) {
            if (f.spoolPosition < 0 && f.state == PENDING && isEvent(f.out)) {
              spoolAppend(f.out);
            }
          }
        }
        if (retry != null && retry.spoolPosition < 0) {
          spoolAppend(retry.out);
        }
        for (Flight f : window) {
          if (f.spoolPosition < 0 && f.state == PENDING && !isEvent(f.out)) {
            spoolAppend(f.out);
          }
        }
        Outbound r;
        while ((r = registrations.poll()) != null) {
          spoolAppend(r);
        }
        CapturedEvent e;
        while ((e = buffer.poll()) != null) {
          spoolAppend(encoder.encode(e));
        }
        spool.close();
        spoolBytes = spool.bytes();
      } catch (RuntimeException ex) {
        log.error("guardstream: could not spool everything at close: {}", ex.toString());
      }
    } else {
      undelivered += window.size() + (retry == null ? 0 : 1) + registrations.size() + buffer.size();
      registrations.clear();
      while (buffer.poll() != null) {
        // counted above
      }
    }
    window.clear();
    if (undelivered > 0) {
      counters.dropped.add(undelivered);
      log.warn("guardstream: {} records not delivered before the close timeout were dropped", undelivered);
    }
    if (producer != null) {
      producer.close(Duration.ZERO);
    }
    inFlight = 0;
    oldestHeld = leftBehind ? Long.MIN_VALUE : Long.MAX_VALUE;
    finished = true;
  }

  /** Records handed to the producer and not yet acknowledged. */
  public int inFlight() {
    return inFlight;
  }

  /** Bytes in the disk spool (0 without one). */
  public long spoolBytes() {
    return spoolBytes;
  }
}
