package io.exporters.cloudflare.store;

import io.exporters.common.metrics.Sample;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every series the poller has counted, by family: counters that only go up, gauges replaced by
 * each window. Writes come from the poller and are applied whole; scrapes read an immutable
 * view published after each poll, so /metrics never waits on the API or on a lock. Series
 * expire when not updated for the series TTL, and go at once when their zone or account does.
 */
public final class SeriesStore {
  /** A breakdown over top-N is counted here: zone and account kept, the rest "other". */
  public static final String OTHER = "other";

  private final Map<String, StoredFamily> families = new HashMap<>();
  private volatile Map<String, List<Sample>> published = Map.of();

  /**
   * Applies one answer. {@code topN} caps the series of a breakdown per family and owner (0: no
   * cap): a new series is admitted when it is among the window's largest and there is room;
   * otherwise its count goes to the "other" series, so totals stay exact.
   */
  public synchronized void apply(StoreUpdate update, long nowMillis, int topN) {
    for (StoreUpdate.Replace r : update.replaced) {
      family(r.family()).clearGauges(r.owner());
    }
    Map<String, List<StoreUpdate.Op>> groups = new LinkedHashMap<>();
    for (StoreUpdate.Op op : update.ops) {
      groups.computeIfAbsent(op.family().name() + '\u0000' + op.owner(), k -> new ArrayList<>())
          .add(op);
    }
    for (List<StoreUpdate.Op> group : groups.values()) {
      // The window's largest first: they take the free places.
      group.sort(Comparator.comparingDouble(StoreUpdate.Op::value).reversed());
      StoredFamily f = family(group.get(0).family());
      for (StoreUpdate.Op op : group) {
        f.apply(op, nowMillis, topN);
      }
    }
  }

  /** Removes every series of a zone or account that is no longer polled. */
  public synchronized void dropOwner(String owner) {
    families.values().forEach(f -> f.dropOwner(owner));
  }

  /** Removes series not updated since {@code cutoffMillis}; returns how many went. */
  public synchronized int expire(long cutoffMillis) {
    int n = 0;
    for (StoredFamily f : families.values()) {
      n += f.expire(cutoffMillis);
    }
    return n;
  }

  /**
   * Makes what was applied so far visible to scrapes, as the exposition's samples. Equal label
   * values become one string first: a zone's name is in every series of the zone, and the
   * exposition encodes each distinct string once per scrape.
   */
  public synchronized void publish() {
    Map<String, String> strings = new HashMap<>();
    Map<String, List<Sample>> view = new HashMap<>(families.size() * 2);
    for (Map.Entry<String, StoredFamily> e : families.entrySet()) {
      List<Sample> samples = e.getValue().snapshot(strings);
      if (!samples.isEmpty()) {
        view.put(e.getKey(), samples);
      }
    }
    published = Collections.unmodifiableMap(view);
  }

  /** The published samples of a family, sorted by label values; empty when there are none. */
  public List<Sample> series(String family) {
    return published.getOrDefault(family, List.of());
  }

  /** Series held now, published or not. */
  public synchronized int size() {
    int n = 0;
    for (StoredFamily f : families.values()) {
      n += f.size();
    }
    return n;
  }

  private StoredFamily family(FamilySpec spec) {
    return families.computeIfAbsent(spec.name(), n -> new StoredFamily(spec));
  }
}
