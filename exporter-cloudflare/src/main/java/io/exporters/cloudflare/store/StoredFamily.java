package io.exporters.cloudflare.store;

import io.exporters.common.metrics.Sample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The series of one family, sorted by label values (the exposition's order, so scrapes write
 * them without sorting), with how many each owner holds for top-N. Guarded by the store.
 */
final class StoredFamily {
  private final FamilySpec spec;
  private final TreeMap<String[], Cell> series = new TreeMap<>(new LabelOrder());
  private final Map<String, Integer> perOwner = new HashMap<>();

  private static final class Cell {
    double value;
    long updated;
    final String owner;

    Cell(String owner) {
      this.owner = owner;
    }
  }

  /** Label values compared in order, as the exposition sorts series. */
  private static final class LabelOrder implements Comparator<String[]> {
    @Override
    public int compare(String[] a, String[] b) {
      for (int i = 0; i < a.length; i++) {
        int c = a[i].compareTo(b[i]);
        if (c != 0) {
          return c;
        }
      }
      return 0;
    }
  }

  StoredFamily(FamilySpec spec) {
    this.spec = spec;
  }

  FamilySpec spec() {
    return spec;
  }

  /** Applies one operation; a new series' label values become their copy in {@code strings}. */
  void apply(StoreUpdate.Op op, long now, int topN, Map<String, String> strings) {
    Cell cell = series.get(op.labels());
    if (cell == null) {
      boolean room = topN <= 0 || perOwner.getOrDefault(op.owner(), 0) < topN;
      if (room) {
        cell = insert(op.labels(), op.owner(), strings);
      } else if (spec.isCounter()) {
        String[] other = other(op.labels());
        cell = series.get(other);
        if (cell == null) {
          cell = insert(other, op.owner(), strings);
        }
      } else {
        // A quantile cannot be merged with others: past top-N it is left out.
        return;
      }
    }
    cell.value = spec.isCounter() ? cell.value + op.value() : op.value();
    cell.updated = now;
  }

  void clearGauges(String owner) {
    if (!spec.isCounter()) {
      dropOwner(owner);
    }
  }

  void dropOwner(String owner) {
    if (perOwner.remove(owner) == null) {
      return;
    }
    series.values().removeIf(c -> c.owner.equals(owner));
  }

  int expire(long cutoff) {
    int n = 0;
    Iterator<Cell> it = series.values().iterator();
    while (it.hasNext()) {
      Cell c = it.next();
      if (c.updated < cutoff) {
        it.remove();
        perOwner.computeIfPresent(c.owner, (k, v) -> v <= 1 ? null : v - 1);
        n++;
      }
    }
    return n;
  }

  /**
   * The samples in label order. They share the label arrays, which never change once stored;
   * {@code strings} is given every label value still in use.
   */
  List<Sample> snapshot(Map<String, String> strings) {
    List<Sample> out = new ArrayList<>(series.size());
    series.forEach((labels, cell) -> {
      for (String v : labels) {
        strings.putIfAbsent(v, v);
      }
      out.add(Sample.sharing(spec.name(), spec.labels(), labels, cell.value));
    });
    return out;
  }

  int size() {
    return series.size();
  }

  private Cell insert(String[] labels, String owner, Map<String, String> strings) {
    // A zone's name is in every series of the zone: held once, and written once a scrape.
    for (int i = 0; i < labels.length; i++) {
      labels[i] = strings.computeIfAbsent(labels[i], v -> v);
    }
    Cell cell = new Cell(owner);
    series.put(labels, cell);
    perOwner.merge(owner, 1, Integer::sum);
    return cell;
  }

  private String[] other(String[] labels) {
    String[] out = Arrays.copyOf(labels, labels.length);
    for (int i = 0; i < out.length; i++) {
      if (spec.breakdown(i)) {
        out[i] = SeriesStore.OTHER;
      }
    }
    return out;
  }
}
