package io.exporters.common.exposition;

import io.exporters.common.metrics.MetricFamily;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Go's order of families (by name, empty ones left out), remembered between scrapes: a target's
 * collectors write the same families in the same order every time, so the last order found is
 * checked in one pass and reused; a list that differs is sorted anew and remembered instead.
 */
final class FamilyOrder {
  /** The names of a list as it came in, and the positions that read them in order. */
  private record Memo(String[] names, int[] order) {}

  private static volatile Memo last;

  private FamilyOrder() {}

  static List<MetricFamily> sortedNonEmpty(List<MetricFamily> families) {
    List<MetricFamily> nonEmpty = new ArrayList<>(families.size());
    for (MetricFamily f : families) {
      if (!f.samples().isEmpty()) {
        nonEmpty.add(f);
      }
    }
    Memo memo = last;
    int[] order = memo != null && sameNames(memo.names, nonEmpty) ? memo.order : sort(nonEmpty);
    List<MetricFamily> sorted = new ArrayList<>(order.length);
    for (int i : order) {
      sorted.add(nonEmpty.get(i));
    }
    return sorted;
  }

  private static boolean sameNames(String[] names, List<MetricFamily> families) {
    if (names.length != families.size()) {
      return false;
    }
    for (int i = 0; i < names.length; i++) {
      if (!names[i].equals(families.get(i).name())) {
        return false;
      }
    }
    return true;
  }

  private static int[] sort(List<MetricFamily> families) {
    String[] names = new String[families.size()];
    Integer[] positions = new Integer[names.length];
    for (int i = 0; i < names.length; i++) {
      names[i] = families.get(i).name();
      positions[i] = i;
    }
    Arrays.sort(positions, Comparator.comparing((Integer i) -> names[i]));
    int[] order = new int[positions.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = positions[i];
    }
    last = new Memo(names, order);
    return order;
  }
}
