package io.exporters.common.scrape;

import io.exporters.common.backend.ConnectionSource;
import io.exporters.common.backend.Deadline;
import io.exporters.common.backend.Lease;
import io.exporters.common.backend.Target;
import io.exporters.common.backend.Ticker;
import io.exporters.common.backend.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

/**
 * One pass over a target's collectors, shared by every scrape that joins it: serves fresh cached
 * results, checks the backend is up, skips collectors outside its version, then runs the rest
 * slowest first over as many lanes as the target has connections. Its {@link #result} is
 * assembled once, when every collector has answered or the deadline has passed.
 */
final class Round<C> {

  final Target target;
  final ScrapePlan<C> plan;
  final Deadline deadline;
  final long startedNanos;
  final CompletableFuture<Boolean> up = new CompletableFuture<>();
  final Map<String, CompletableFuture<CollectorOutcome>> outcomes = new LinkedHashMap<>();
  final CompletableFuture<ScrapeResult> result;
  private final ConnectionSource<C> pools;
  private final CollectorRunner<C> runner;
  private final ResultCache cache;
  private final FailureLog failures;
  private final Executor workers;
  private final Ticker ticker;

  Round(Target target, ScrapePlan<C> plan, Deadline deadline, ConnectionSource<C> pools,
      CollectorRunner<C> runner, ResultCache cache, FailureLog failures, Executor workers,
      ScrapeReport report, Ticker ticker) {
    this.ticker = ticker;
    this.startedNanos = ticker.nanos();
    this.target = target;
    this.plan = plan;
    this.deadline = deadline;
    this.pools = pools;
    this.runner = runner;
    this.cache = cache;
    this.failures = failures;
    this.workers = workers;
    List<CompletableFuture<?>> all = new ArrayList<>();
    all.add(up);
    for (ActiveCollector<C> active : plan.collectors()) {
      CompletableFuture<CollectorOutcome> f = new CompletableFuture<>();
      outcomes.put(active.name(), f);
      all.add(f);
    }
    result = CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0]))
        .thenApply(v -> report.assemble(this, deadline.sameClockIn(java.time.Duration.ZERO)));
  }

  void start() {
    List<ActiveCollector<C>> toRun = new ArrayList<>();
    for (ActiveCollector<C> active : plan.collectors()) {
      CollectorOutcome cached = active.ttl() == null ? null
          : cache.get(new CacheKey(target.key(), active.name()));
      if (cached != null) {
        outcomes.get(active.name()).complete(cached);
      } else {
        toRun.add(active);
      }
    }
    Version version;
    try (Lease<C> lease = pools.acquireChecked(target, deadline)) {
      try {
        version = pools.version(lease.connection()).orElse(null);
      } catch (Exception e) {
        lease.markBroken();
        throw e;
      }
      up.complete(true);
      failures.reachable(target);
    } catch (Exception | Error e) {
      String reason = CollectorRunner.describe(e);
      failures.unreachable(target, reason);
      up.complete(false);
      for (ActiveCollector<C> active : toRun) {
        outcomes.get(active.name()).complete(
            CollectorOutcome.failed(active.name(), 0, "backend unreachable: " + reason));
      }
      return;
    }
    List<ActiveCollector<C>> runnable = new ArrayList<>(toRun.size());
    for (ActiveCollector<C> active : toRun) {
      if (active.spec().appliesTo(version)) {
        runnable.add(active);
      } else {
        failures.skipped(target, active.name(), version);
        outcomes.get(active.name()).complete(CollectorOutcome.skipped(active.name()));
      }
    }
    // The round takes about as long as its slowest collector, with a few threads rather than
    // one per collector.
    runnable.sort(Comparator.comparingDouble(
        (ActiveCollector<C> a) -> runner.lastDuration(a.name())).reversed());
    Queue<ActiveCollector<C>> queue = new ConcurrentLinkedQueue<>(runnable);
    int lanes = Math.min(runnable.size(), pools.lanes());
    for (int i = 1; i < lanes; i++) {
      workers.execute(() -> drain(queue, version));
    }
    drain(queue, version);
  }

  private void drain(Queue<ActiveCollector<C>> queue, Version version) {
    ActiveCollector<C> next;
    while ((next = queue.poll()) != null) {
      if (deadline.expired()) {
        outcomes.get(next.name()).complete(CollectorOutcome.late(next.name(), 0));
        continue;
      }
      runner.run(next, target, version, deadline, outcomes.get(next.name()));
    }
  }

  /** At the deadline: whatever has not answered is late; an unanswered connect means down. */
  void expire() {
    up.complete(false);
    for (Map.Entry<String, CompletableFuture<CollectorOutcome>> e : outcomes.entrySet()) {
      e.getValue().complete(CollectorOutcome.late(e.getKey(), seconds()));
    }
  }

  double seconds() {
    return (ticker.nanos() - startedNanos) / 1e9;
  }
}
