package io.exporters.common.exposition;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.common.metrics.MetricFamily;
import io.exporters.common.metrics.MetricType;
import io.exporters.common.metrics.Sample;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FamilyOrderTest {
  private static MetricFamily family(String name, boolean empty) {
    List<Sample> samples = empty ? List.of() : List.of(new Sample(name, List.of(), List.of(), 1));
    return new MetricFamily(name, MetricType.GAUGE, "h", samples);
  }

  private static List<String> names(List<MetricFamily> families) {
    return families.stream().map(MetricFamily::name).toList();
  }

  @Test
  void sortsByNameAndLeavesEmptyFamiliesOut() {
    List<MetricFamily> in = List.of(family("b", false), family("a_empty", true),
        family("c", false), family("a", false));
    assertThat(names(FamilyOrder.sortedNonEmpty(in))).containsExactly("a", "b", "c");
  }

  @Test
  void theRememberedOrderServesTheSameNamesAndNotOthers() {
    List<MetricFamily> first = List.of(family("z", false), family("m", false), family("a", false));
    assertThat(names(FamilyOrder.sortedNonEmpty(first))).containsExactly("a", "m", "z");
    // The same names in the same order, as new objects (the next scrape): the same order.
    List<MetricFamily> again = List.of(family(new String("z"), false),
        family(new String("m"), false), family(new String("a"), false));
    List<MetricFamily> sorted = FamilyOrder.sortedNonEmpty(again);
    assertThat(names(sorted)).containsExactly("a", "m", "z");
    assertThat(sorted.get(0)).isSameAs(again.get(2));
    // One name changed, one list longer, one shorter: each sorted anew.
    assertThat(names(FamilyOrder.sortedNonEmpty(List.of(family("z", false), family("b", false),
        family("a", false))))).containsExactly("a", "b", "z");
    assertThat(names(FamilyOrder.sortedNonEmpty(List.of(family("z", false), family("b", false),
        family("a", false), family("c", false))))).containsExactly("a", "b", "c", "z");
    assertThat(names(FamilyOrder.sortedNonEmpty(List.of(family("y", false), family("x", false)))))
        .containsExactly("x", "y");
  }

  @Test
  void manyShuffledListsComeOutSorted() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    for (int round = 0; round < 200; round++) {
      List<MetricFamily> in = new ArrayList<>();
      int n = random.nextInt(1, 30);
      for (int i = 0; i < n; i++) {
        in.add(family("f" + random.nextInt(10) + "_" + i, random.nextInt(8) == 0));
      }
      List<String> expected = in.stream().filter(f -> !f.samples().isEmpty())
          .map(MetricFamily::name).sorted().toList();
      assertThat(names(FamilyOrder.sortedNonEmpty(in))).isEqualTo(expected);
      assertThat(names(FamilyOrder.sortedNonEmpty(in))).isEqualTo(expected);
    }
  }
}
