package io.exporters.redis.collector;

import io.exporters.common.metrics.MetricSink;
import io.exporters.redis.info.Info;
import io.exporters.redis.info.Numbers;
import io.exporters.redis.info.Pairs;
import io.exporters.redis.settings.Output;

/**
 * Errorstats (Redis 6.2+): error replies by their first word, {@code redis_errors_total{err}}.
 * Redis itself stops tracking new error words after 128, which bounds the label.
 */
final class ErrorMetrics {
  private static final String PREFIX = "errorstat_";

  private ErrorMetrics() {}

  static void write(Info info, Output out, MetricSink sink) {
    for (Info.Field field : info.section("Errorstats")) {
      if (!field.name().startsWith(PREFIX)) {
        continue;
      }
      Double count = Numbers.parse(Pairs.parse(field.value()).get("count"));
      if (count != null) {
        sink.counter(out.name("errors_total"), "Total number of errors per error type", "err")
            .add(count, field.name().substring(PREFIX.length()));
      }
    }
  }
}
