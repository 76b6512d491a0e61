package io.exporters.common.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.common.backend.Deadline;
import io.exporters.common.backend.FakeConnections;
import io.exporters.common.backend.ManualClock;
import io.exporters.common.backend.Target;
import io.exporters.common.collector.Collector;
import io.exporters.common.collector.CollectorSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class CollectorRunnerTest {
  private final ManualClock clock = new ManualClock();
  private final FakeConnections pools = new FakeConnections(2);
  private final ResultCache cache = new ResultCache(clock);
  private final CollectorRunner<String> runner =
      new CollectorRunner<>(pools, clock.scheduler(), cache, new FailureLog(), clock);
  private final Target target = Target.of("db-1");

  private CollectorOutcome run(ActiveCollector<String> active, Duration deadline) {
    CompletableFuture<CollectorOutcome> outcome = new CompletableFuture<>();
    runner.run(active, target, null, Deadline.in(deadline, clock), outcome);
    assertThat(outcome).as("completed when run returns").isDone();
    return outcome.join();
  }

  private static ActiveCollector<String> active(String name, Collector<String> collector) {
    return new ActiveCollector<>(CollectorSpec.of(name, "", collector), null, null, Map.of());
  }

  @Test
  void aSuccessKeepsItsSeriesAndItsDurationAndGivesItsConnectionBack() {
    CollectorOutcome outcome = run(active("sizes", (ctx, sink) -> {
      ctx.connection();
      clock.advance(Duration.ofMillis(1500));
      sink.gauge("size_bytes", "Size.").add(42);
    }), Duration.ofSeconds(10));
    assertThat(outcome.status()).isEqualTo(CollectorOutcome.Status.SUCCESS);
    assertThat(Series.find(outcome.families(), "size_bytes")).hasValue(42);
    assertThat(outcome.durationSeconds()).isEqualTo(1.5);
    assertThat(runner.lastDuration("sizes")).isEqualTo(1.5);
    assertThat(pools.borrowed()).isZero();
    assertThat(clock.pending()).as("the watchdog is cancelled").isZero();
  }

  @Test
  void aThrowCostsOnlyThisRunAndItsMessageIsMasked() {
    CollectorOutcome outcome = run(active("settings", (ctx, sink) -> {
      ctx.connection();
      sink.gauge("half_written", "Lost with the failure.").add(1);
      throw new IllegalStateException("login postgres://mon:hunter2@db-1/x refused");
    }), Duration.ofSeconds(10));
    assertThat(outcome.status()).isEqualTo(CollectorOutcome.Status.FAILED);
    assertThat(outcome.families()).isEmpty();
    assertThat(outcome.error()).contains("refused").doesNotContain("hunter2");
    assertThat(pools.borrowed()).as("the connection went back to its pool").isZero();
    assertThat(pools.broken).isEmpty();
  }

  @Test
  void atTheDeadlineTheRunIsLateItsConnectionsAbortedAndItsThreadInterruptedOnce() {
    AtomicBoolean interruptedInside = new AtomicBoolean();
    CollectorOutcome outcome = run(active("slow", (ctx, sink) -> {
      ctx.connection();
      clock.advance(Duration.ofSeconds(11));
      interruptedInside.set(Thread.currentThread().isInterrupted());
      sink.gauge("too_late", "Arrives after the deadline.").add(1);
    }), Duration.ofSeconds(10));
    assertThat(outcome.status()).isEqualTo(CollectorOutcome.Status.LATE);
    assertThat(outcome.durationSeconds()).as("when the watchdog fired").isEqualTo(10.0);
    assertThat(outcome.families()).isEmpty();
    assertThat(pools.aborted).containsExactly("db-1#1");
    assertThat(interruptedInside).isTrue();
    assertThat(Thread.currentThread().isInterrupted())
        .as("the interrupt does not reach the lane's next collector").isFalse();
  }

  @Test
  void aCollectorTimeoutShorterThanTheScrapeEndsItFirst() {
    ActiveCollector<String> active = new ActiveCollector<>(CollectorSpec.of("bounded", "",
        (ctx, sink) -> clock.advance(Duration.ofSeconds(3))), null, Duration.ofSeconds(2),
        Map.of());
    CollectorOutcome outcome = run(active, Duration.ofSeconds(30));
    assertThat(outcome.status()).isEqualTo(CollectorOutcome.Status.LATE);
    assertThat(outcome.durationSeconds()).isEqualTo(2.0);
  }

  @Test
  void aCollectorBlockedInTheBackendIsInterruptedAtTheDeadline() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    CompletableFuture<CollectorOutcome> outcome = new CompletableFuture<>();
    CompletableFuture<Void> lane = CompletableFuture.runAsync(() ->
        runner.run(active("blocked", (ctx, sink) -> {
          ctx.connection();
          entered.countDown();
          never.await();
        }), target, null, Deadline.in(Duration.ofSeconds(5), clock), outcome));
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    clock.advance(Duration.ofSeconds(5));
    assertThat(outcome).isDone();
    assertThat(outcome.join().status()).isEqualTo(CollectorOutcome.Status.LATE);
    lane.get(10, TimeUnit.SECONDS);
    assertThat(pools.aborted).hasSize(1);
    assertThat(pools.borrowed()).isZero();
  }

  @Test
  void aResultWithATtlIsCachedFreshAndSaysSo() {
    ActiveCollector<String> active = new ActiveCollector<>(CollectorSpec.of("sizes", "",
        (ctx, sink) -> sink.gauge("size_bytes", "Size.").add(7)), Duration.ofMinutes(1), null,
        Map.of());
    CollectorOutcome outcome = run(active, Duration.ofSeconds(10));
    assertThat(outcome.cacheAgeSeconds()).isZero();
    assertThat(outcome.families().get(0).help()).endsWith("(cached: refreshed at most every 60s)");
    assertThat(cache.get(new CacheKey(target.key(), "sizes")).families())
        .isEqualTo(outcome.families());
  }

  @Test
  void debugLinesTravelWithTheOutcomeMasked() {
    CollectorOutcome outcome = run(active("probe", (ctx, sink) -> {
      ctx.debug("connecting to redis://:s3cret-pass@db-1:6379");
      throw new java.io.IOException("refused");
    }), Duration.ofSeconds(10));
    assertThat(outcome.debug()).hasSize(1);
    assertThat(outcome.debug().get(0)).doesNotContain("s3cret-pass");
    assertThat(List.of(outcome.error())).containsExactly("refused");
  }
}
