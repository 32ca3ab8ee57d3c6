package io.guardstream.guard.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Work objects grow with the uses at once, never with the threads, and are lent to one at a time. */
class SlotPoolTest {

  /** A work object that knows whether it is lent. */
  private static final class Work {
    final AtomicBoolean lent = new AtomicBoolean();
  }

  @Test
  void aThreadGetsBackWhatItGaveBack() {
    SlotPool<Work> pool = new SlotPool<>(Work::new);
    Work first = pool.borrow();
    pool.giveBack(first);
    assertThat(pool.borrow()).isSameAs(first);
  }

  @Test
  void threadsThatTakeTurnsShareOneObject() throws InterruptedException {
    // An app server's request threads, each checking an event now and then.
    AtomicInteger made = new AtomicInteger();
    SlotPool<Work> pool = new SlotPool<>(() -> {
      made.incrementAndGet();
      return new Work();
    });
    for (int t = 0; t < 200; t++) {
      Thread thread = new Thread(() -> pool.giveBack(pool.borrow()));
      thread.start();
      thread.join();
    }
    assertThat(made.get()).isEqualTo(1);
  }

  @Test
  @Timeout(60)
  void noObjectIsLentTwiceAtOnceAndAFullPoolDropsTheRest() throws Exception {
    AtomicInteger made = new AtomicInteger();
    SlotPool<Work> pool = new SlotPool<>(() -> {
      made.incrementAndGet();
      return new Work();
    });
    int threads = 16;
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> runs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        runs.add(executor.submit(() -> {
          int uses = 0;
          for (int i = 0; i < 20_000; i++) {
            Work w = pool.borrow();
            assertThat(w.lent.compareAndSet(false, true)).as("lent while in use").isTrue();
            Thread.onSpinWait();
            w.lent.set(false);
            pool.giveBack(w);
            uses++;
          }
          return uses;
        }));
      }
      for (Future<Integer> run : runs) {
        assertThat(run.get()).isEqualTo(20_000);
      }
    } finally {
      executor.shutdownNow();
      assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
    // What the pool keeps: borrow without giving back until it has to make one.
    int before = made.get();
    int kept = 0;
    while (made.get() == before) {
      pool.borrow();
      kept++;
    }
    int slots = Integer.highestOneBit(2 * Runtime.getRuntime().availableProcessors() - 1) << 1;
    assertThat(kept - 1).isBetween(1, slots);
  }
}
