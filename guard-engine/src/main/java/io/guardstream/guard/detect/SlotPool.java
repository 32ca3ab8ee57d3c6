package io.guardstream.guard.detect;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * Reusable work objects (a pattern's DFA cache, a check's buffers) lent to one use at a time. Kept
 * per thread, they grew with the threads that ever checked an event: an app that runs the SDK's
 * inline check on 200 request threads held 200 sets of about 2 MB. Lent from here, they grow with
 * the checks that run at once; an object given back to a full pool is dropped. A thread asks the
 * slot its id picks first, so it mostly gets back what it warmed; slots sit 64 bytes apart, so
 * threads on other slots do not contend for a cache line.
 */
public final class SlotPool<T> {
  /** References per 64-byte line (compressed or not, at least 8 bytes apart this way). */
  private static final int SPREAD = 16;

  private final AtomicReferenceArray<T> slots;
  private final int mask;
  private final Supplier<T> factory;

  /** A pool of about two objects per processor, made by {@code factory} when none is free. */
  public SlotPool(Supplier<T> factory) {
    int size = Integer.highestOneBit(2 * Runtime.getRuntime().availableProcessors() - 1) << 1;
    this.slots = new AtomicReferenceArray<>(size * SPREAD);
    this.mask = size - 1;
    this.factory = factory;
  }

  /** A free object, or a new one; give it back when done. */
  public T borrow() {
    int first = first();
    for (int k = 0; k <= mask; k++) {
      int at = ((first + k) & mask) * SPREAD;
      T t = slots.get(at);
      if (t != null && slots.compareAndSet(at, t, null)) {
        return t;
      }
    }
    return factory.get();
  }

  /** Returns a borrowed object for the next use, or drops it when every slot is taken. */
  public void giveBack(T t) {
    int first = first();
    for (int k = 0; k <= mask; k++) {
      int at = ((first + k) & mask) * SPREAD;
      if (slots.get(at) == null && slots.compareAndSet(at, null, t)) {
        return;
      }
    }
  }

  @SuppressWarnings("deprecation") // threadId() is Java 19+; the engine runs on 17
  private int first() {
    return (int) Thread.currentThread().getId() & mask;
  }
}
