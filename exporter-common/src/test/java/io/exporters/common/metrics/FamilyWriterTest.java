package io.exporters.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FamilyWriterTest {
  @Test
  void labelsAreWrittenInNameOrderWhateverOrderTheyWereGivenIn() {
    MetricBuffer buffer = new MetricBuffer();
    buffer.gauge("g", "h", "zone", "colo", "status", "a").add(1, "z1", "c1", "200", "x");
    Sample s = buffer.families().get(0).samples().get(0);
    assertThat(s.labelNames()).containsExactly("a", "colo", "status", "zone");
    assertThat(s.labelValues()).containsExactly("x", "c1", "200", "z1");
  }

  @Test
  void sortedAndSingleLabelsStayAsGiven() {
    MetricBuffer buffer = new MetricBuffer();
    buffer.gauge("one", "h", "db").add(1, "db0");
    buffer.gauge("two", "h", "a", "b").add(2, "x", "y");
    List<MetricFamily> families = buffer.families();
    assertThat(families.get(0).samples().get(0).labelValues()).containsExactly("db0");
    assertThat(families.get(1).samples().get(0).labelNames()).containsExactly("a", "b");
    assertThat(families.get(1).samples().get(0).labelValues()).containsExactly("x", "y");
  }
}
