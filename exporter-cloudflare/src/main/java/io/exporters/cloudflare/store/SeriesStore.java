package io.exporters.cloudflare.store;

import io.exporters.common.metrics.MetricFamily;
import io.exporters.common.metrics.Sample;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every series the poller has counted, by family: counters that only go up, gauges replaced by
 * each window. Writes come from the poller and are applied whole; scrapes read the families
 * published after each poll, so /metrics never waits on the API or on a lock, and a published
 * family replaces the last one at once (a scrape writes the same family object until the next
 * poll, so its text is kept, and the series are held once). Series expire when not updated for
 * the series TTL, and go at once when their zone or account does.
 */
public final class SeriesStore {
  /** A breakdown over top-N is counted here: zone and account kept, the rest "other". */
  public static final String OTHER = "other";

  private final Map<String, StoredFamily> families = new HashMap<>();
  // Label values in use, one copy each: a zone's name is in every series of the zone.
  private Map<String, String> strings = new HashMap<>();
  private volatile Map<String, MetricFamily> published = Map.of();

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
        f.apply(op, nowMillis, topN, strings);
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

  /** {@link #publish(Function)} with each family's own HELP. */
  public void publish() {
    publish(FamilySpec::help);
  }

  /**
   * Makes what was applied so far visible to scrapes, as metric families with the HELP that
   * {@code help} gives each. Label values of expired series are forgotten here.
   */
  public synchronized void publish(Function<FamilySpec, String> help) {
    Map<String, String> inUse = new HashMap<>(strings.size() * 2);
    Map<String, MetricFamily> view = new HashMap<>(families.size() * 2);
    for (Map.Entry<String, StoredFamily> e : families.entrySet()) {
      List<Sample> samples = e.getValue().snapshot(inUse);
      if (!samples.isEmpty()) {
        FamilySpec spec = e.getValue().spec();
        view.put(e.getKey(), new MetricFamily(spec.name(), spec.type(), help.apply(spec),
            samples));
      }
    }
    strings = inUse;
    published = Collections.unmodifiableMap(view);
  }

  /** The published family of this name, or null when it has no series. */
  public MetricFamily family(String name) {
    return published.get(name);
  }

  /** The published samples of a family, sorted by label values; empty when there are none. */
  public List<Sample> series(String family) {
    MetricFamily f = published.get(family);
    return f == null ? List.of() : f.samples();
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
