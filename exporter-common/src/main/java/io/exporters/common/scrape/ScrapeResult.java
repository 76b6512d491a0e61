package io.exporters.common.scrape;

import io.exporters.common.metrics.MetricFamily;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * One answered round: the families to expose (target series plus up and per-collector success,
 * duration and cache age), per-collector outcomes and dropped-duplicate counts for self-metrics.
 * Scrapes that joined the round get the same instance, so what is derived from it (a rendered
 * body per format) is made once and shared through {@link #memo}.
 */
public final class ScrapeResult {
  private final boolean up;
  private final List<MetricFamily> families;
  private final List<CollectorOutcome> outcomes;
  private final Map<String, Integer> droppedSeries;
  private final double durationSeconds;
  private final Map<Object, FutureTask<Object>> memo = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicInteger answering =
      new java.util.concurrent.atomic.AtomicInteger();

  public ScrapeResult(boolean up, List<MetricFamily> families, List<CollectorOutcome> outcomes,
      Map<String, Integer> droppedSeries, double durationSeconds) {
    this.up = up;
    this.families = List.copyOf(families);
    this.outcomes = List.copyOf(outcomes);
    this.droppedSeries = Map.copyOf(droppedSeries);
    this.durationSeconds = durationSeconds;
  }

  public boolean up() {
    return up;
  }

  public List<MetricFamily> families() {
    return families;
  }

  public List<CollectorOutcome> outcomes() {
    return outcomes;
  }

  public Map<String, Integer> droppedSeries() {
    return droppedSeries;
  }

  public double durationSeconds() {
    return durationSeconds;
  }

  /** A scrape starts writing this result to its client. */
  public void answering() {
    answering.incrementAndGet();
  }

  /** A scrape is done writing it. */
  public void answered() {
    answering.decrementAndGet();
  }

  /** Whether a scrape still writes this result to its client. */
  boolean beingAnswered() {
    return answering.get() > 0;
  }

  public boolean anyFailed() {
    return !up || outcomes.stream().anyMatch(o ->
        o.status() == CollectorOutcome.Status.FAILED || o.status() == CollectorOutcome.Status.LATE);
  }

  public int seriesCount() {
    int n = 0;
    for (MetricFamily f : families) {
      n += f.samples().size();
    }
    return n;
  }

  /**
   * The value derived from this result under {@code key}, made by {@code make} the first time and
   * shared by every later caller; concurrent callers wait for the one making it. They wait on a
   * future, not inside the map's lock: ten scrapes joining one round inflated a monitor per
   * render, ~2 MiB of them until the VM's next deflation. A failure is not kept: the next
   * caller tries again.
   */
  @SuppressWarnings("unchecked")
  public <T> T memo(Object key, Supplier<T> make) {
    FutureTask<Object> task = memo.get(key);
    if (task == null) {
      FutureTask<Object> mine = new FutureTask<>(make::get);
      task = memo.putIfAbsent(key, mine);
      if (task == null) {
        task = mine;
        mine.run();
      }
    }
    try {
      return (T) task.get();
    } catch (ExecutionException e) {
      memo.remove(key, task);
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while another scrape rendered the answer", e);
    }
  }
}
