package io.exporters.scraper.collector;

import io.exporters.common.backend.Deadline;
import io.exporters.common.metrics.MetricSink;
import io.exporters.scraper.model.ProbeMetrics;
import io.exporters.scraper.modules.StaticProbe;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Probes the configured targets for one /metrics scrape, {@code concurrency} at once, and writes
 * each one's series labelled {@code module} and {@code target}. One slow target must not cost
 * another its probe: the targets that were fastest last time go first (one that hung goes last),
 * and when every worker has been on its probe for longer than {@link #SLOW_MILLIS}, another
 * worker starts, up to {@link #HEDGE_FACTOR} times {@code concurrency}. A probe not finished by
 * the deadline is reported as a timeout; one not started by then is not started.
 */
final class StaticProbes {
  static final List<String> LABELS = List.of("module", "target");
  /** Kept back from the scrape deadline to write the answer. */
  private static final long WRITE_MILLIS = 20;
  /** A probe running this long makes its worker count as stuck. */
  static final long SLOW_MILLIS = 500;
  static final int HEDGE_FACTOR = 4;
  private static final long SUPERVISE_MILLIS = 50;

  /** How long each target's last probe took, for the order of the next scrape. */
  private final Map<String, Long> lastNanos = new ConcurrentHashMap<>();

  void probe(List<StaticProbe> configured, int concurrency, ProbeRunner runner,
      Executor executor, Deadline deadline, MetricSink sink) throws InterruptedException {
    List<StaticProbe> probes = new ArrayList<>(configured);
    probes.sort(Comparator.comparingLong(p -> lastNanos.getOrDefault(key(p), 0L)));
    int n = probes.size();
    long started = System.nanoTime();
    AtomicReferenceArray<ProbeResult> results = new AtomicReferenceArray<>(n);
    AtomicInteger next = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(n);
    int maxWorkers = Math.min(n, concurrency * HEDGE_FACTOR);
    // When each worker's current probe began; 0 while it is between probes.
    AtomicLongArray busySince = new AtomicLongArray(maxWorkers);
    int workers = 0;
    while (workers < Math.min(concurrency, n)
        && start(executor, worker(workers, probes, runner, deadline, next, results, done,
            busySince))) {
      workers++;
    }
    if (workers == 0) {
      // No thread to be had: probe on this one, as many as the deadline lets.
      worker(0, probes, runner, deadline, next, results, done, busySince).run();
    }
    long writeBy = deadline.remainingMillis() - WRITE_MILLIS;
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(1, writeBy));
    while (!done.await(Math.min(SUPERVISE_MILLIS,
        Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime()))),
        TimeUnit.MILLISECONDS) && System.nanoTime() < until) {
      if (workers < maxWorkers && next.get() < n && allStuck(busySince, workers)
          && start(executor, worker(workers, probes, runner, deadline, next, results, done,
              busySince))) {
        workers++;
      }
    }
    double elapsed = (System.nanoTime() - started) / 1e9;
    for (int i = 0; i < n; i++) {
      StaticProbe p = probes.get(i);
      ProbeResult r = results.get(i);
      // A target that did not finish counts as slow as the whole scrape, for the next order.
      lastNanos.put(key(p), r != null ? (long) (r.seconds() * 1e9) : System.nanoTime() - started);
      ProbeMetrics.write(r != null ? r.families() : ProbeRunner.timedOut(elapsed).families(), sink,
          LABELS, List.of(p.module().name(), p.label()));
    }
    lastNanos.keySet().retainAll(probes.stream().map(StaticProbes::key).toList());
  }

  private static String key(StaticProbe p) {
    return p.module().name() + " " + p.label();
  }

  private static Runnable worker(int slot, List<StaticProbe> probes, ProbeRunner runner,
      Deadline deadline, AtomicInteger next, AtomicReferenceArray<ProbeResult> results,
      CountDownLatch done, AtomicLongArray busySince) {
    return () -> {
      int i;
      while ((i = next.getAndIncrement()) < probes.size()) {
        try {
          if (!deadline.expired()) {
            StaticProbe p = probes.get(i);
            busySince.set(slot, System.nanoTime());
            results.set(i, runner.run(p.module(), p.target(), p.hostname(), deadline));
          }
        } finally {
          busySince.set(slot, 0);
          done.countDown();
        }
      }
    };
  }

  private static boolean start(Executor executor, Runnable worker) {
    try {
      executor.execute(worker);
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  private static boolean allStuck(AtomicLongArray busySince, int workers) {
    long slowSince = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(SLOW_MILLIS);
    for (int w = 0; w < workers; w++) {
      long since = busySince.get(w);
      if (since == 0 || since - slowSince > 0) {
        return false;
      }
    }
    return true;
  }
}
