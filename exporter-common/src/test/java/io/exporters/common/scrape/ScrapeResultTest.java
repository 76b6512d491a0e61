package io.exporters.common.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ScrapeResultTest {
  private static ScrapeResult result() {
    return new ScrapeResult(true, List.of(), List.of(), Map.of(), 0.1);
  }

  @Test
  void concurrentCallersShareOneMaking() throws Exception {
    ScrapeResult result = result();
    AtomicInteger made = new AtomicInteger();
    CountDownLatch making = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Object>> answers = new ArrayList<>();
      answers.add(pool.submit(() -> result.memo("body", () -> {
        made.incrementAndGet();
        making.countDown();
        await(release);
        return new Object();
      })));
      assertThat(making.await(5, TimeUnit.SECONDS)).isTrue();
      for (int i = 0; i < 7; i++) {
        answers.add(pool.submit(() -> result.memo("body", () -> {
          made.incrementAndGet();
          return new Object();
        })));
      }
      release.countDown();
      Object first = answers.get(0).get(5, TimeUnit.SECONDS);
      for (Future<Object> f : answers) {
        assertThat(f.get(5, TimeUnit.SECONDS)).isSameAs(first);
      }
      assertThat(made).hasValue(1);
      assertThat(result.memo("other", () -> "x")).isEqualTo("x");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFailureReachesItsCallerAndIsNotKept() {
    ScrapeResult result = result();
    assertThatThrownBy(() -> result.memo("body", () -> {
      throw new IllegalArgumentException("boom");
    })).isInstanceOf(IllegalArgumentException.class).hasMessage("boom");
    assertThatThrownBy(() -> result.memo("body", () -> {
      throw new OutOfMemoryError("short");
    })).isInstanceOf(OutOfMemoryError.class);
    assertThat(result.memo("body", () -> "made at last")).isEqualTo("made at last");
    assertThat(result.memo("body", () -> "again")).isEqualTo("made at last");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
