package io.exporters.scraper;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that probe static targets, for the life of the process: grown on demand up to
 * the largest probes.concurrency allowed, idle ones reused first and retired after 30 s.
 */
final class ProbeThreads {
  private static final int MAX = 256;
  private final ExecutorService executor;

  ProbeThreads() {
    AtomicInteger n = new AtomicInteger();
    executor = new ThreadPoolExecutor(0, MAX, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
        r -> {
          Thread t = new Thread(r, "probe-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  ExecutorService executor() {
    return executor;
  }
}
