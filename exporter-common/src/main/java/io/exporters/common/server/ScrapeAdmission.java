package io.exporters.common.server;

import java.util.concurrent.Semaphore;

/**
 * How many scrapes are answered at once: /probe requests up to their cap, /metrics requests up to
 * {@link #METRICS} (they join one round and wait for it, a thread each). The HTTP threads are
 * sized above both (started on demand, stopped when idle), so a request is never left waiting
 * for a thread, unseen, while its deadline runs out: past a cap it is answered 503 at once, and
 * /probe callers can never take the threads /metrics needs.
 */
final class ScrapeAdmission {
  static final int METRICS = 64;
  /** Threads beyond the scrapes: the landing page, health, reload and the exporters' pages. */
  static final int OTHER = 16;

  private final Semaphore metrics = new Semaphore(METRICS);
  private final Semaphore probes;
  private final int maxProbes;

  ScrapeAdmission(int maxProbes) {
    this.maxProbes = maxProbes;
    this.probes = new Semaphore(maxProbes);
  }

  /** The HTTP threads this needs: every scrape it admits and the other pages. */
  int threads() {
    return METRICS + maxProbes + OTHER;
  }

  int maxProbes() {
    return maxProbes;
  }

  boolean enterMetrics() {
    return metrics.tryAcquire();
  }

  void leaveMetrics() {
    metrics.release();
  }

  boolean enterProbe() {
    return probes.tryAcquire();
  }

  void leaveProbe() {
    probes.release();
  }
}
