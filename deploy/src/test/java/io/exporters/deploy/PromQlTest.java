package io.exporters.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlTest {
  @Test
  void findsMetricsAndSkipsFunctionsLabelsNumbersAndVariables() {
    assertThat(PromQl.metricNames("sum by (datname) (rate(pg_stat_database_blks_hit{job=~\"$job\","
        + "instance=\"${instance}\"}[$__rate_interval])) / on (datname) group_left() "
        + "(pg_settings_max_connections > 1e9) or vector(0) and up offset 5m"))
        .containsExactly("pg_settings_max_connections", "pg_stat_database_blks_hit", "up");
  }

  @Test
  void recordingRuleNamesAndAggregationAfterTheExpression() {
    assertThat(PromQl.metricNames("1 - sum(probe:error:ratio_rate5m) without (instance) * 14.4"))
        .containsExactly("probe:error:ratio_rate5m");
  }

  @Test
  void grafanaVariableQueries() {
    assertThat(PromQl.metricNames("label_values(pg_up, instance)")).containsExactly("pg_up");
    assertThat(PromQl.metricNames("label_values(job)")).isEmpty();
    assertThat(PromQl.metricNames("query_result(topk(5, redis_db_keys))"))
        .containsExactly("redis_db_keys");
  }
}
