package io.exporters.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MetricBufferTest {
  @Test
  void duplicateSeriesKeepTheFirstValueAndAreCounted() {
    MetricBuffer buffer = new MetricBuffer();
    buffer.gauge("g", "h", "k").add(1, "a");
    buffer.gauge("g", "h", "k").add(2, "a");
    buffer.gauge("g", "h", "k").add(3, "b");
    assertThat(buffer.droppedSeries()).isEqualTo(1);
    assertThat(buffer.families().get(0).samples()).extracting(Sample::value).containsExactly(1.0,
        3.0);
  }

  @Test
  void familyOfAnotherTypeUnderTheSameNameIsDropped() {
    MetricBuffer buffer = new MetricBuffer();
    buffer.gauge("x", "h").add(1);
    buffer.counter("x", "h").add(5);
    assertThat(buffer.droppedSeries()).isEqualTo(1);
    assertThat(buffer.families()).hasSize(1);
    assertThat(buffer.families().get(0).type()).isEqualTo(MetricType.GAUGE);
  }

  @Test
  void mergingCountsCrossCollectorDuplicates() {
    MetricBuffer a = new MetricBuffer();
    a.gauge("shared", "h", "db").add(1, "x");
    MetricBuffer b = new MetricBuffer();
    b.gauge("shared", "h", "db").add(2, "x");
    b.gauge("shared", "h", "db").add(3, "y");
    MetricBuffer merged = new MetricBuffer();
    assertThat(merged.add(a.families().get(0))).isZero();
    assertThat(merged.add(b.families().get(0))).isEqualTo(1);
    assertThat(merged.families().get(0).samples()).hasSize(2);
  }

  @Test
  void labelsAreSortedAndNullBecomesEmpty() {
    MetricBuffer buffer = new MetricBuffer();
    buffer.gauge("g", "h", "zone", "app").add(1, "z1", null);
    Sample s = buffer.families().get(0).samples().get(0);
    assertThat(s.labelNames()).containsExactly("app", "zone");
    assertThat(s.labelValues()).containsExactly("", "z1");
  }

  @Test
  void invalidNamesAndWrongArityAreProgrammingErrors() {
    MetricBuffer buffer = new MetricBuffer();
    assertThatThrownBy(() -> buffer.gauge("bad-name", "h")).hasMessageContaining("bad-name");
    assertThatThrownBy(() -> buffer.gauge("g", "h", "__reserved"))
        .hasMessageContaining("__reserved");
    assertThatThrownBy(() -> buffer.gauge("g", "h", "a").add(1))
        .hasMessageContaining("takes 1 label values, got 0");
  }
}
