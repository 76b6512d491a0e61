package io.exporters.common.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.common.backend.Deadline;
import io.exporters.common.backend.FakeConnections;
import io.exporters.common.backend.ManualClock;
import io.exporters.common.backend.Target;
import io.exporters.common.backend.Version;
import io.exporters.common.collector.Collector;
import io.exporters.common.collector.CollectorSpec;
import io.exporters.common.metrics.MetricSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * One round over a target's collectors, on a manual clock with collectors run on the calling
 * thread: what each collector's outcome becomes, and how the round's answer is assembled.
 */
class RoundTest {
  private final ManualClock clock = new ManualClock();
  private final FakeConnections pools = new FakeConnections(1);
  private final ResultCache cache = new ResultCache(clock);
  private final FailureLog failures = new FailureLog();
  private final CollectorRunner<String> runner =
      new CollectorRunner<>(pools, clock.scheduler(), cache, failures, clock);
  private final Target target = Target.of("db-1");
  private final List<String> ran = Collections.synchronizedList(new ArrayList<>());

  private ScrapeResult round(List<ActiveCollector<String>> collectors, Duration deadline) {
    Round<String> round = new Round<>(target, new ScrapePlan<>(collectors),
        Deadline.in(deadline, clock), pools, runner, cache, failures, clock.scheduler(),
        new ScrapeReport("toy"), clock);
    round.start();
    assertThat(round.result).isDone();
    return round.result.join();
  }

  private ActiveCollector<String> collector(String name, Duration takes) {
    return collector(CollectorSpec.of(name, "", (ctx, sink) -> {
      ran.add(name);
      ctx.connection();
      clock.advance(takes);
      sink.gauge("toy_" + name, "From " + name + ".").add(1);
    }));
  }

  private static ActiveCollector<String> collector(CollectorSpec<String> spec) {
    return new ActiveCollector<>(spec, null, null, Map.of());
  }

  @Test
  void everyCollectorAnswersWithUpSuccessAndDuration() {
    ScrapeResult result = round(List.of(collector("a", Duration.ofMillis(200)),
        collector("b", Duration.ofMillis(300))), Duration.ofSeconds(10));
    assertThat(result.up()).isTrue();
    assertThat(Series.value(result, "toy_up")).isEqualTo(1);
    assertThat(Series.success(result, "toy", "a")).isEqualTo(1);
    assertThat(Series.value(result, "toy_scrape_collector_duration_seconds", "collector", "b"))
        .isEqualTo(0.3);
    assertThat(Series.value(result, "toy_a")).isEqualTo(1);
    assertThat(result.durationSeconds()).isEqualTo(0.5);
    assertThat(pools.borrowed()).isZero();
  }

  @Test
  void aBackendThatCannotBeReachedFailsEveryCollectorWithoutRunningOne() {
    pools.down("connection refused");
    ScrapeResult result = round(List.of(collector("a", Duration.ZERO),
        collector("b", Duration.ZERO)), Duration.ofSeconds(10));
    assertThat(result.up()).isFalse();
    assertThat(Series.value(result, "toy_up")).isZero();
    assertThat(Series.success(result, "toy", "a")).isZero();
    assertThat(Series.success(result, "toy", "b")).isZero();
    assertThat(result.outcomes().get(0).error())
        .isEqualTo("backend unreachable: connection refused");
    assertThat(ran).isEmpty();

    pools.up();
    assertThat(round(List.of(collector("a", Duration.ZERO)), Duration.ofSeconds(10)).up())
        .as("the next round recovers by itself").isTrue();
  }

  @Test
  void aCollectorOutsideTheBackendVersionIsSkippedNotFailed() {
    pools.version(Version.of(14, 2));
    ActiveCollector<String> newer = collector(CollectorSpec.of("checkpointer", "",
        (Collector<String>) (ctx, sink) -> ran.add("checkpointer"))
        .versions(Version.of(17, 0), null));
    ScrapeResult result = round(List.of(collector("a", Duration.ZERO), newer),
        Duration.ofSeconds(10));
    assertThat(ran).containsExactly("a");
    assertThat(Series.find(result.families(), "toy_scrape_collector_success",
        "collector", "checkpointer")).isEmpty();
    assertThat(result.anyFailed()).isFalse();

    pools.version(Version.of(17, 1));
    round(List.of(newer), Duration.ofSeconds(10));
    assertThat(ran).containsExactly("a", "checkpointer");
  }

  @Test
  void theSlowestCollectorOfTheLastRoundStartsFirst() {
    List<ActiveCollector<String>> plan = List.of(collector("quick", Duration.ofMillis(100)),
        collector("slowest", Duration.ofMillis(900)), collector("middle", Duration.ofMillis(400)));
    round(plan, Duration.ofSeconds(10));
    assertThat(ran).containsExactly("quick", "slowest", "middle");
    ran.clear();
    round(plan, Duration.ofSeconds(10));
    assertThat(ran).containsExactly("slowest", "middle", "quick");
  }

  @Test
  void aLateCollectorCostsItsOwnSeriesAndTheRestOfTheLaneIsLateToo() {
    List<ActiveCollector<String>> plan = List.of(collector("first", Duration.ofSeconds(1)),
        collector("hangs", Duration.ofSeconds(60)), collector("after", Duration.ofSeconds(1)));
    ScrapeResult result = round(plan, Duration.ofSeconds(5));
    assertThat(result.up()).isTrue();
    assertThat(Series.success(result, "toy", "first")).isEqualTo(1);
    assertThat(Series.value(result, "toy_first")).isEqualTo(1);
    assertThat(Series.success(result, "toy", "hangs")).isZero();
    assertThat(Series.find(result.families(), "toy_hangs")).isEmpty();
    assertThat(Series.success(result, "toy", "after")).isZero();
    assertThat(ran).as("nothing starts past the deadline").containsExactly("first", "hangs");
    assertThat(pools.aborted).hasSize(1);
  }

  @Test
  void aFailedCollectorReportsWhatStandsInForItsSeries() {
    ActiveCollector<String> prober = collector(CollectorSpec.of("probe", "", new Collector<>() {
      @Override
      public void collect(io.exporters.common.collector.ScrapeContext<String> ctx,
          MetricSink sink) throws Exception {
        clock.advance(Duration.ofMillis(700));
        throw new java.io.IOException("no route to host");
      }

      @Override
      public void reportFailure(MetricSink sink, Target t, double seconds) {
        sink.gauge("probe_success", "Whether the probe succeeded.").add(0);
        sink.gauge("probe_duration_seconds", "How long it tried.").add(seconds);
      }
    }));
    ScrapeResult result = round(List.of(prober), Duration.ofSeconds(10));
    assertThat(Series.value(result, "probe_success")).isZero();
    assertThat(Series.value(result, "probe_duration_seconds")).isEqualTo(0.7);
  }

  @Test
  void twoCollectorsWritingTheSameSeriesKeepTheFirstAndCountTheDrop() {
    Collector<String> same = (ctx, sink) -> sink.gauge("toy_shared", "Shared.").add(1);
    ScrapeResult result = round(List.of(collector(CollectorSpec.of("one", "", same)),
        collector(CollectorSpec.of("two", "", same))), Duration.ofSeconds(10));
    assertThat(Series.value(result, "toy_shared")).isEqualTo(1);
    assertThat(result.droppedSeries()).isEqualTo(Map.of("two", 1));
  }

  @Test
  void aFreshCachedResultIsServedWithItsAgeAndTheCollectorDoesNotRun() {
    ActiveCollector<String> cached = new ActiveCollector<>(CollectorSpec.of("sizes", "",
        (ctx, sink) -> {
          ran.add("sizes");
          sink.gauge("toy_size_bytes", "Size.").add(ran.size());
        }), Duration.ofSeconds(60), null, Map.of());
    round(List.of(cached), Duration.ofSeconds(10));
    clock.advance(Duration.ofSeconds(45));
    ScrapeResult second = round(List.of(cached), Duration.ofSeconds(10));
    assertThat(ran).hasSize(1);
    assertThat(Series.value(second, "toy_size_bytes")).isEqualTo(1);
    assertThat(Series.value(second, "toy_scrape_collector_cache_age_seconds",
        "collector", "sizes")).isEqualTo(45);
    clock.advance(Duration.ofSeconds(15));
    ScrapeResult third = round(List.of(cached), Duration.ofSeconds(10));
    assertThat(ran).as("run again once the TTL has passed").hasSize(2);
    assertThat(Series.value(third, "toy_size_bytes")).isEqualTo(2);
    assertThat(Series.value(third, "toy_scrape_collector_cache_age_seconds",
        "collector", "sizes")).isZero();
  }

  @Test
  void expiringTheRoundAnswersAtOnceWithWhatHasArrived() {
    Round<String> round = new Round<>(target, new ScrapePlan<>(List.of(collector("a",
        Duration.ZERO))), Deadline.in(Duration.ofSeconds(1), clock), pools, runner, cache,
        failures, clock.scheduler(), new ScrapeReport("toy"), clock);
    CompletableFuture<ScrapeResult> result = round.result;
    assertThat(result).isNotDone();
    round.expire();
    assertThat(result).isDone();
    assertThat(result.join().up()).as("the up check never answered").isFalse();
    assertThat(Series.success(result.join(), "toy", "a")).isZero();
  }
}
