package io.exporters.common.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.common.backend.Deadline;
import io.exporters.common.backend.FakeConnections;
import io.exporters.common.backend.ManualClock;
import io.exporters.common.backend.Target;
import io.exporters.common.collector.CollectorSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine around rounds: joining a round in flight, joining a result still being answered,
 * keeping two plans apart, scraping several targets at once and forgetting a target.
 */
class ScrapeEngineTest {
  private final ManualClock clock = new ManualClock();
  private final FakeConnections pools = new FakeConnections(2);
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<ScrapeResult> observed = new ArrayList<>();
  private final AtomicInteger runs = new AtomicInteger();

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  private ScrapeEngine<String> engine(ExecutorService workers) {
    return new ScrapeEngine<>("toy", pools, workers, clock.scheduler(),
        (target, result) -> observed.add(result), clock);
  }

  /** Runs everything on the caller's thread. */
  private ScrapeEngine<String> engine() {
    return engine(clock.scheduler());
  }

  private ScrapePlan<String> counted() {
    return new ScrapePlan<>(List.of(new ActiveCollector<>(CollectorSpec.of("counted", "",
        (ctx, sink) -> sink.gauge("toy_runs", "Runs.").add(runs.incrementAndGet())),
        null, null, Map.of())));
  }

  private static void awaitUntil(String what, BooleanSupplier condition) {
    long until = System.nanoTime() + 10_000_000_000L;
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime() - until).as("waiting until " + what).isNegative();
      LockSupport.parkNanos(1_000_000);
    }
  }

  private Deadline tenSeconds() {
    return Deadline.in(Duration.ofSeconds(10), clock);
  }

  @Test
  void concurrentScrapesOfOneTargetJoinOneRound() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ScrapePlan<String> plan = new ScrapePlan<>(List.of(new ActiveCollector<>(
        CollectorSpec.of("held", "", (ctx, sink) -> {
          runs.incrementAndGet();
          entered.countDown();
          release.await();
          sink.gauge("toy_value", "Value.").add(1);
        }), null, null, Map.of())));
    ScrapeEngine<String> engine = engine(threads);
    CompletableFuture<ScrapeResult> first = CompletableFuture.supplyAsync(
        () -> engine.scrape(Target.of("db-1"), plan, tenSeconds()), threads);
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    List<Thread> joiners = new ArrayList<>();
    List<CompletableFuture<ScrapeResult>> joined = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      CompletableFuture<ScrapeResult> f = new CompletableFuture<>();
      Thread t = new Thread(() -> f.complete(engine.scrape(Target.of("db-1"), plan,
          tenSeconds())));
      t.start();
      joiners.add(t);
      joined.add(f);
    }
    awaitUntil("every joiner waits for the round", () -> joiners.stream()
        .allMatch(t -> t.getState() == Thread.State.TIMED_WAITING));
    release.countDown();
    ScrapeResult result = first.get(10, TimeUnit.SECONDS);
    for (CompletableFuture<ScrapeResult> f : joined) {
      assertThat(f.get(10, TimeUnit.SECONDS)).isSameAs(result);
    }
    assertThat(runs).hasValue(1);
    assertThat(pools.upChecks()).isEqualTo(1);
    assertThat(observed).hasSize(6);
  }

  @Test
  void scrapesUnderAnotherPlanNeverJoinTheRoundOfTheOld() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ScrapePlan<String> old = new ScrapePlan<>(List.of(new ActiveCollector<>(
        CollectorSpec.of("held", "", (ctx, sink) -> {
          entered.countDown();
          release.await();
        }), null, null, Map.of())));
    ScrapeEngine<String> engine = engine(threads);
    CompletableFuture<ScrapeResult> before = CompletableFuture.supplyAsync(
        () -> engine.scrape(Target.of("db-1"), old, tenSeconds()), threads);
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    ScrapeResult reloaded = engine.scrape(Target.of("db-1"), counted(), tenSeconds());
    assertThat(Series.value(reloaded, "toy_runs")).isEqualTo(1);
    assertThat(before).as("the old round is still running").isNotDone();
    release.countDown();
    assertThat(Series.find(before.get(10, TimeUnit.SECONDS).families(), "toy_runs")).isEmpty();
  }

  @Test
  void aScrapeWhileTheLastResultIsStillBeingWrittenGetsThatResult() {
    ScrapeEngine<String> engine = engine();
    ScrapePlan<String> plan = counted();
    ScrapeResult first = engine.scrape(Target.of("db-1"), plan, tenSeconds());
    first.answering();
    clock.advance(Duration.ofMillis(900));
    assertThat(engine.scrape(Target.of("db-1"), plan, tenSeconds())).isSameAs(first);
    clock.advance(Duration.ofMillis(100));
    ScrapeResult stale = engine.scrape(Target.of("db-1"), plan, tenSeconds());
    assertThat(stale).as("older than a second: a new round").isNotSameAs(first);
    first.answered();
    stale.answered();
    assertThat(engine.scrape(Target.of("db-1"), plan, tenSeconds()))
        .as("written out: a new round").isNotSameAs(stale);
    assertThat(runs).hasValue(3);
  }

  @Test
  void anotherLoginAtTheSameAddressNeverGetsTheResultOfTheFirst() {
    ScrapeEngine<String> engine = engine();
    ScrapePlan<String> plan = counted();
    ScrapeResult first = engine.scrape(Target.of("db-1"), plan, tenSeconds());
    first.answering();
    Target other = new Target("db-1", "", "intruder", null, Map.of());
    assertThat(engine.scrape(other, plan, tenSeconds())).isNotSameAs(first);
    assertThat(engine.scrape(Target.of("db-1").asProbed(), plan, tenSeconds()))
        .as("a /probe of the configured address").isNotSameAs(first);
  }

  @Test
  void theRoundExpiresAtTheDeadlineAndItsTimerIsCancelledWhenItEndsFirst() {
    ScrapeEngine<String> engine = engine();
    engine.scrape(Target.of("db-1"), counted(), tenSeconds());
    assertThat(clock.pending()).as("no timer keeps the round reachable").isZero();
  }

  @Test
  void severalTargetsAreMergedEachUnderItsOwnLabel() {
    ScrapeEngine<String> engine = engine();
    ScrapePlan<String> plan = new ScrapePlan<>(List.of(new ActiveCollector<>(
        CollectorSpec.of("address", "", (ctx, sink) ->
            sink.gauge("toy_value", "Value.").add(ctx.target().address().length())),
        null, null, Map.of())));
    pools.down("refused");
    ScrapeResult down = engine.scrapeAll(List.of(Target.of("a"), Target.of("bb")), plan,
        tenSeconds(), t -> Map.entry("server", t.address()));
    assertThat(down.up()).isFalse();
    pools.up();
    ScrapeResult result = engine.scrapeAll(List.of(Target.of("a"), Target.of("bb")), plan,
        tenSeconds(), t -> Map.entry("server", t.address()));
    assertThat(result.up()).isTrue();
    assertThat(Series.value(result, "toy_value", "server", "a")).isEqualTo(1);
    assertThat(Series.value(result, "toy_value", "server", "bb")).isEqualTo(2);
    assertThat(Series.value(result, "toy_up", "server", "bb")).isEqualTo(1);
  }

  @Test
  void aForgottenTargetLosesItsCachedResults() {
    ScrapeEngine<String> engine = engine();
    ScrapePlan<String> plan = new ScrapePlan<>(List.of(new ActiveCollector<>(
        CollectorSpec.of("cached", "", (ctx, sink) ->
            sink.gauge("toy_runs", "Runs.").add(runs.incrementAndGet())),
        Duration.ofMinutes(5), null, Map.of())));
    engine.scrape(Target.of("db-1"), plan, tenSeconds());
    engine.scrape(Target.of("db-1"), plan, tenSeconds());
    assertThat(runs).hasValue(1);
    engine.forget(Target.of("db-1"));
    engine.scrape(Target.of("db-1"), plan, tenSeconds());
    assertThat(runs).hasValue(2);
    clock.advance(Duration.ofMinutes(5));
    engine.evictExpired();
    engine.scrape(Target.of("db-1"), plan, tenSeconds());
    assertThat(runs).hasValue(3);
  }
}
