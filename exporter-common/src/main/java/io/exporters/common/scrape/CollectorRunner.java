package io.exporters.common.scrape;

import io.exporters.common.backend.ConnectionSource;
import io.exporters.common.backend.Deadline;
import io.exporters.common.backend.Target;
import io.exporters.common.backend.Ticker;
import io.exporters.common.backend.Version;
import io.exporters.common.metrics.MetricBuffer;
import io.exporters.common.metrics.MetricFamily;
import io.exporters.common.secret.SecretMasker;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one collector for one target under its deadline: a watchdog cancels it at the deadline
 * (its connections aborted, its thread interrupted); a throw costs only its own series; a result
 * with a TTL goes into the cache. Remembers how long each collector took, so rounds can start
 * the slowest first.
 */
final class CollectorRunner<C> {
  private static final Logger logger = LoggerFactory.getLogger(ScrapeEngine.class);

  private final ConnectionSource<C> pools;
  private final ScheduledExecutorService timer;
  private final ResultCache cache;
  private final FailureLog failures;
  private final Ticker ticker;
  private final Map<String, Double> lastDurations = new ConcurrentHashMap<>();
  private final Map<String, Integer> lastLargestFamily = new ConcurrentHashMap<>();

  CollectorRunner(ConnectionSource<C> pools, ScheduledExecutorService timer, ResultCache cache,
      FailureLog failures, Ticker ticker) {
    this.pools = pools;
    this.ticker = ticker;
    this.timer = timer;
    this.cache = cache;
    this.failures = failures;
  }

  double lastDuration(String collector) {
    return lastDurations.getOrDefault(collector, 0.0);
  }

  /** Runs {@code active} on this thread; completes {@code outcome} by the deadline at the latest. */
  void run(ActiveCollector<C> active, Target target, Version version, Deadline roundDeadline,
      CompletableFuture<CollectorOutcome> outcome) {
    Deadline deadline = active.timeout() == null
        ? roundDeadline : roundDeadline.min(roundDeadline.sameClockIn(active.timeout()));
    RunContext<C> ctx = new RunContext<>(pools, target, deadline, version, active.options());
    long started = ticker.nanos();
    Thread runner = Thread.currentThread();
    Object runnerLock = new Object();
    boolean[] running = {true};
    ScheduledFuture<?> watchdog = timer.schedule(() -> {
      if (outcome.complete(CollectorOutcome.late(active.name(), seconds(started))
          .withDebug(ctx.debugLines()))) {
        logger.atWarn().addKeyValue("collector", active.name()).addKeyValue("target", target)
            .log("collector missed the scrape deadline; cancelled");
        ctx.abortAll();
        synchronized (runnerLock) {
          if (running[0]) {
            runner.interrupt();
          }
        }
      }
    }, Math.max(1, deadline.remainingMillis()), TimeUnit.MILLISECONDS);
    MetricBuffer buffer = new MetricBuffer(lastLargestFamily.getOrDefault(active.name(), 0));
    try {
      active.spec().collector().collect(ctx, buffer);
      List<MetricFamily> families = buffer.families();
      double took = seconds(started);
      int largest = 0;
      for (MetricFamily f : families) {
        largest = Math.max(largest, f.samples().size());
      }
      lastLargestFamily.put(active.name(), largest);
      lastDurations.put(active.name(), took);
      if (active.ttl() != null) {
        families = cache.put(new CacheKey(target.key(), active.name()), families, took,
            active.ttl());
      }
      outcome.complete(new CollectorOutcome(active.name(), CollectorOutcome.Status.SUCCESS,
          families, took, active.ttl() == null ? Double.NaN : 0, null, buffer.droppedSeries(),
          ctx.debugLines()));
      failures.succeeded(target, active.name());
    } catch (Throwable e) {
      // The connection stays pooled: the health check before its next use decides.
      if (!outcome.isDone()) {
        String reason = describe(e);
        failures.failed(target, active.name(), reason);
        outcome.complete(CollectorOutcome.failed(active.name(), seconds(started), reason)
            .withDebug(ctx.debugLines()));
      }
    } finally {
      watchdog.cancel(false);
      synchronized (runnerLock) {
        running[0] = false;
      }
      // A watchdog's interrupt belongs to this collector, not the next one in the lane.
      Thread.interrupted();
      ctx.releaseAll();
    }
  }

  static String describe(Throwable e) {
    Throwable t = e;
    if (t instanceof ExecutionException && t.getCause() != null) {
      t = t.getCause();
    }
    String message = t.getMessage();
    return SecretMasker.mask(message == null || message.isBlank()
        ? t.getClass().getSimpleName() : message.strip());
  }

  private double seconds(long startedNanos) {
    return (ticker.nanos() - startedNanos) / 1e9;
  }
}
