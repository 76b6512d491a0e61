package io.exporters.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetricNamesTest {
  @Test
  void metricNamesFollowTheLegacyCharset() {
    assertThat(MetricNames.isValidMetricName("redis_up")).isTrue();
    assertThat(MetricNames.isValidMetricName("job:rate5m")).isTrue();
    assertThat(MetricNames.isValidMetricName("_x9")).isTrue();
    assertThat(MetricNames.isValidMetricName("9x")).isFalse();
    assertThat(MetricNames.isValidMetricName("a-b")).isFalse();
    assertThat(MetricNames.isValidMetricName("caf\u00e9")).isFalse();
    assertThat(MetricNames.isValidMetricName("")).isFalse();
    assertThat(MetricNames.isValidMetricName(null)).isFalse();
  }

  @Test
  void labelNamesTakeNoColonAndNoReservedPrefix() {
    assertThat(MetricNames.isValidLabelName("cmd")).isTrue();
    assertThat(MetricNames.isValidLabelName("_db")).isTrue();
    assertThat(MetricNames.isValidLabelName("a:b")).isFalse();
    assertThat(MetricNames.isValidLabelName("__name__")).isFalse();
    assertThat(MetricNames.isValidLabelName("0db")).isFalse();
    assertThat(MetricNames.isValidLabelName("")).isFalse();
  }

  @Test
  void aRememberedValidNameDoesNotMakeItsLabelTwinValid() {
    assertThat(MetricNames.isValidMetricName("up:ratio")).isTrue();
    assertThat(MetricNames.isValidMetricName("up:ratio")).isTrue();
    assertThat(MetricNames.isValidLabelName("up:ratio")).isFalse();
    assertThat(MetricNames.isValidMetricName("__hidden")).isTrue();
    assertThat(MetricNames.isValidLabelName("__hidden")).isFalse();
  }

  @Test
  void invalidNamesAreNeverRemembered() {
    for (int i = 0; i < 3; i++) {
      assertThat(MetricNames.isValidMetricName("bad name")).isFalse();
    }
  }
}
