package io.exporters.scraper.collector;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The recent probes, as blackbox keeps them: the last {@code limit} probes, and the last
 * {@code limit} failures kept apart so that a stream of successes does not push them out.
 * Bounded whatever the traffic; ids grow so a link to an old entry says it is gone.
 */
public final class ProbeHistory {
  /** A probe in the history. */
  public record Entry(long id, ProbeResult result) {}

  private final Deque<Entry> recent = new ArrayDeque<>();
  private final Deque<Entry> failures = new ArrayDeque<>();
  private volatile int limit;
  private long nextId;

  public ProbeHistory(int limit) {
    this.limit = limit;
  }

  /** A reload may change the limit; older entries beyond it go at the next add. */
  public void limit(int newLimit) {
    this.limit = newLimit;
  }

  public synchronized void add(ProbeResult result) {
    if (limit <= 0) {
      return;
    }
    Entry entry = new Entry(nextId++, result);
    recent.addLast(entry);
    while (recent.size() > limit) {
      Entry old = recent.removeFirst();
      if (!old.result().success()) {
        failures.addLast(old);
      }
    }
    while (failures.size() > limit) {
      failures.removeFirst();
    }
  }

  /** Every entry kept, newest first. */
  public synchronized List<Entry> entries() {
    List<Entry> all = new ArrayList<>(recent);
    all.addAll(failures);
    all.sort(Comparator.comparingLong(Entry::id).reversed());
    return all;
  }

  public synchronized Optional<Entry> byId(long id) {
    return entries().stream().filter(e -> e.id() == id).findFirst();
  }

  /** The newest probe of {@code target} (with {@code module} when given). */
  public synchronized Optional<Entry> latest(String target, String module) {
    return entries().stream().filter(e -> e.result().target().equals(target)
        && (module == null || module.isEmpty() || e.result().module().equals(module)))
        .findFirst();
  }
}
