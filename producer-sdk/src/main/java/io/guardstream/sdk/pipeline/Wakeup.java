package io.guardstream.sdk.pipeline;

import java.util.concurrent.locks.LockSupport;

/**
 * Lets producers of work wake the single sender thread without locks: a signal costs a volatile
 * read unless the sender is actually parked.
 */
public final class Wakeup {
  private volatile Thread parked;
  private volatile boolean pending;

  /** Wakes the sender if it waits. */
  public void signal() {
    pending = true;
    Thread t = parked;
    if (t != null) {
      LockSupport.unpark(t);
    }
  }

  /** Parks the calling (sender) thread until a signal or the timeout. */
  public void await(long nanos) {
    parked = Thread.currentThread();
    if (!pending) {
      LockSupport.parkNanos(this, nanos);
    }
    parked = null;
    pending = false;
  }
}
