package io.exporters.common.scrape;

import io.exporters.common.backend.ConnectionSource;
import io.exporters.common.backend.Deadline;
import io.exporters.common.backend.Target;
import io.exporters.common.backend.TargetKey;
import io.exporters.common.backend.Ticker;
import io.exporters.common.metrics.MetricBuffer;
import io.exporters.common.metrics.MetricFamily;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Answers scrapes by the deadline. A scrape of a target that arrives while a round for the same
 * target identity and plan is in flight joins it and gets the same result, so N concurrent
 * scrapes cost the backend one round; so does one that arrives while the last round's result is
 * still being written to other scrapes, within {@link #ANSWERING_NANOS} of it (under a flood of
 * scrapers a new round would start as each round ended, and every round's result would be held
 * by its writers at once); otherwise it starts a {@link Round}.
 */
public final class ScrapeEngine<C> {
  private record RoundKey(TargetKey target, ScrapePlan<?> plan) {}

  /** A round's result, weakly (its writers hold it), and when it was made. */
  private record Answered(WeakReference<ScrapeResult> result, long madeNanos) {}

  private final ConnectionSource<C> pools;
  private final ExecutorService workers;
  private final ScheduledExecutorService timer;
  private final ScrapeObserver observer;
  private final ScrapeReport report;
  private final Ticker ticker;
  private final ResultCache cache;
  private final FailureLog failures = new FailureLog();
  private final CollectorRunner<C> runner;
  private final Map<RoundKey, Round<C>> inFlight = new ConcurrentHashMap<>();
  /** The last round's result per key, while it may still be joined. */
  private final Map<RoundKey, Answered> answering = new ConcurrentHashMap<>();
  static final long ANSWERING_NANOS = 1_000_000_000L;

  public ScrapeEngine(
      String namespace, ConnectionSource<C> pools, ExecutorService workers,
      ScheduledExecutorService timer, ScrapeObserver observer) {
    this(namespace, pools, workers, timer, observer, Ticker.SYSTEM);
  }

  /** {@code timer} must schedule on {@code ticker}'s clock. */
  public ScrapeEngine(
      String namespace, ConnectionSource<C> pools, ExecutorService workers,
      ScheduledExecutorService timer, ScrapeObserver observer, Ticker ticker) {
    this.ticker = ticker;
    this.cache = new ResultCache(ticker);
    this.pools = pools;
    this.workers = workers;
    this.timer = timer;
    this.observer = observer;
    this.report = new ScrapeReport(namespace);
    this.runner = new CollectorRunner<>(pools, timer, cache, failures, ticker);
  }

  /** Scrapes the target (or joins the round in flight for it) and answers by the deadline. */
  public ScrapeResult scrape(Target target, ScrapePlan<C> plan, Deadline deadline) {
    RoundKey key = new RoundKey(target.key(), plan);
    Answered last = answering.get(key);
    ScrapeResult written = last == null ? null : last.result().get();
    if (written != null && written.beingAnswered()
        && ticker.nanos() - last.madeNanos() < ANSWERING_NANOS) {
      observer.scraped(target, written);
      return written;
    }
    boolean[] started = {false};
    Round<C> round = inFlight.computeIfAbsent(key, k -> {
      started[0] = true;
      return new Round<>(target, plan, deadline, pools, runner, cache, failures, workers, report,
          ticker);
    });
    if (started[0]) {
      ScheduledFuture<?> expiry = timer.schedule(round::expire,
          Math.max(1, deadline.remainingMillis()), TimeUnit.MILLISECONDS);
      round.result.whenComplete((r, e) -> {
        if (r != null) {
          answering.put(key, new Answered(new WeakReference<>(r), ticker.nanos()));
        }
        inFlight.remove(key, round);
        // A pending timer would keep the round's results reachable until the deadline.
        expiry.cancel(false);
      });
      workers.execute(round::start);
    }
    // A joiner whose deadline comes before the round's gets what has arrived by then.
    ScrapeResult result = ScrapeReport.get(round.result, deadline)
        .orElseGet(() -> report.assemble(round, deadline));
    observer.scraped(target, result);
    return result;
  }

  /**
   * Scrapes several targets at once under one deadline and merges their series, each marked
   * with its target's label (e.g. {@code server}), so the same series of two targets stay apart.
   */
  public ScrapeResult scrapeAll(List<Target> targets, ScrapePlan<C> plan, Deadline deadline,
      Function<Target, Map.Entry<String, String>> label) {
    if (targets.size() == 1) {
      return scrape(targets.get(0), plan, deadline);
    }
    List<CompletableFuture<ScrapeResult>> others = new ArrayList<>();
    for (Target target : targets.subList(Math.min(1, targets.size()), targets.size())) {
      others.add(CompletableFuture.supplyAsync(() -> scrape(target, plan, deadline), workers));
    }
    MetricBuffer merged = new MetricBuffer();
    List<CollectorOutcome> outcomes = new ArrayList<>();
    Map<String, Integer> dropped = new LinkedHashMap<>();
    boolean up = !targets.isEmpty();
    double seconds = 0;
    for (int i = 0; i < targets.size(); i++) {
      ScrapeResult result = i == 0 ? scrape(targets.get(0), plan, deadline)
          : others.get(i - 1).join();
      Map.Entry<String, String> mark = label.apply(targets.get(i));
      for (MetricFamily family : result.families()) {
        merged.add(family.withLabel(mark.getKey(), mark.getValue()));
      }
      up &= result.up();
      outcomes.addAll(result.outcomes());
      result.droppedSeries().forEach((k, v) -> dropped.merge(k, v, Integer::sum));
      seconds = Math.max(seconds, result.durationSeconds());
    }
    return new ScrapeResult(up, merged.families(), outcomes, dropped, seconds);
  }

  /** Forgets cached results of a target (its pool was closed for idleness). */
  public void forget(Target target) {
    answering.keySet().removeIf(k -> k.target().equals(target.key()));
    cache.forget(target.key());
    failures.forget(target.key());
  }

  /** Drops cache entries past their TTL, so memory holds only what may still be served. */
  public void evictExpired() {
    cache.evictExpired();
  }
}
