package io.exporters.scraper.collector;

import io.exporters.common.backend.Deadline;
import io.exporters.common.metrics.MetricSink;
import io.exporters.scraper.model.ProbeMetrics;
import io.exporters.scraper.modules.StaticProbe;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Probes the configured targets for one /metrics scrape, at most {@code concurrency} at once
 * (a few threads, not one per target), and writes each one's series labelled {@code module} and
 * {@code target}. A probe not finished by the deadline is reported as a timeout; one not started
 * by then is not started.
 */
final class StaticProbes {
  static final List<String> LABELS = List.of("module", "target");
  /** Kept back from the scrape deadline to write the answer. */
  private static final long WRITE_MILLIS = 20;

  private StaticProbes() {}

  static void probe(List<StaticProbe> probes, int concurrency, ProbeRunner runner,
      Executor executor, Deadline deadline, MetricSink sink) throws InterruptedException {
    int n = probes.size();
    long started = System.nanoTime();
    AtomicReferenceArray<ProbeResult> results = new AtomicReferenceArray<>(n);
    AtomicInteger next = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(n);
    Runnable worker = () -> {
      int i;
      while ((i = next.getAndIncrement()) < n) {
        try {
          if (!deadline.expired()) {
            StaticProbe p = probes.get(i);
            results.set(i, runner.run(p.module(), p.target(), p.hostname(), deadline));
          }
        } finally {
          done.countDown();
        }
      }
    };
    int workers = Math.min(concurrency, n);
    for (int w = 1; w < workers; w++) {
      try {
        executor.execute(worker);
      } catch (RejectedExecutionException e) {
        break;
      }
    }
    worker.run();
    done.await(Math.max(1, deadline.remainingMillis() - WRITE_MILLIS), TimeUnit.MILLISECONDS);
    double elapsed = (System.nanoTime() - started) / 1e9;
    for (int i = 0; i < n; i++) {
      StaticProbe p = probes.get(i);
      ProbeResult r = results.get(i);
      ProbeMetrics.write(r != null ? r.families() : ProbeRunner.timedOut(elapsed).families(), sink,
          LABELS, List.of(p.module().name(), p.label()));
    }
  }
}
