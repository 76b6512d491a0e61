package io.exporters.common.webconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  @Test
  void allowsBurstThenRefuses() {
    RateLimiter limiter = new RateLimiter(Duration.ofSeconds(1), 3, now::get);

    assertThat(acquired(limiter, 5)).isEqualTo(3);
  }

  @Test
  void refillsOneTokenPerInterval() {
    RateLimiter limiter = new RateLimiter(Duration.ofSeconds(1), 3, now::get);
    acquired(limiter, 3);

    now.addAndGet(Duration.ofMillis(999).toNanos());
    assertThat(limiter.tryAcquire()).isFalse();
    now.addAndGet(Duration.ofMillis(1).toNanos());
    assertThat(acquired(limiter, 5)).isEqualTo(1);
    now.addAndGet(Duration.ofMillis(2500).toNanos());
    assertThat(acquired(limiter, 5)).isEqualTo(2);
  }

  @Test
  void neverHoldsMoreThanBurst() {
    RateLimiter limiter = new RateLimiter(Duration.ofSeconds(1), 3, now::get);
    acquired(limiter, 1);

    now.addAndGet(Duration.ofHours(1).toNanos());

    assertThat(acquired(limiter, 10)).isEqualTo(3);
  }

  @Test
  void aFullBucketBanksNoTime() {
    RateLimiter limiter = new RateLimiter(Duration.ofSeconds(1), 1, now::get);
    now.addAndGet(Duration.ofMillis(900).toNanos());
    assertThat(limiter.tryAcquire()).isTrue();

    // The next token is due a whole interval after that request, not 100ms later.
    now.addAndGet(Duration.ofMillis(200).toNanos());
    assertThat(limiter.tryAcquire()).isFalse();
    now.addAndGet(Duration.ofMillis(800).toNanos());
    assertThat(limiter.tryAcquire()).isTrue();
  }

  @Test
  void refillsInRealTime() throws Exception {
    RateLimiter limiter = new RateLimiter(Duration.ofMillis(200), 2);
    assertThat(acquired(limiter, 2)).isEqualTo(2);
    assertThat(limiter.tryAcquire()).isFalse();

    // The public constructor reads the system clock: a token comes back within an interval.
    long started = System.nanoTime();
    while (!limiter.tryAcquire()) {
      assertThat(System.nanoTime() - started).as("refilled within 5 s")
          .isLessThan(5_000_000_000L);
      java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L);
    }
  }

  @Test
  void concurrentCallersShareTheBucket() throws Exception {
    RateLimiter limiter = new RateLimiter(Duration.ofHours(1), 50, now::get);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    AtomicInteger granted = new AtomicInteger();
    try {
      List<Future<?>> tasks = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        tasks.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < 1000; i++) {
            if (limiter.tryAcquire()) {
              granted.incrementAndGet();
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : tasks) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(granted.get()).isEqualTo(50);
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> new RateLimiter(Duration.ZERO, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RateLimiter(Duration.ofSeconds(1), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static int acquired(RateLimiter limiter, int attempts) {
    int n = 0;
    for (int i = 0; i < attempts; i++) {
      if (limiter.tryAcquire()) {
        n++;
      }
    }
    return n;
  }
}
