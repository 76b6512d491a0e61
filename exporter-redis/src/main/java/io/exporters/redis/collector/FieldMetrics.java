package io.exporters.redis.collector;

import io.exporters.common.metrics.MetricNames;
import io.exporters.common.metrics.MetricSink;
import io.exporters.redis.info.Info;
import io.exporters.redis.info.Numbers;
import io.exporters.redis.settings.Output;
import java.util.Set;

/**
 * The plain INFO fields: those in redis_exporter's table under their mapped names and types,
 * every {@code cluster_*} field under its own name (as the anchor does, whatever the section),
 * {@code latest_fork_usec} in seconds, Valkey's per-IO-thread active time, and
 * {@code total_system_memory} when asked for. Fields the table does not know are skipped.
 */
final class FieldMetrics {
  /** Sections other writers own; Valkey 9.1 repeats CLUSTER INFO under "Cluster Info". */
  private static final Set<String> ELSEWHERE = Set.of("Commandstats", "Latencystats",
      "Errorstats", "Keyspace", "Cluster Info", "Keysizes");
  private static final String IO_THREAD = "used_active_time_io_thread_";

  private FieldMetrics() {}

  static void write(Info info, Output out, boolean systemMetrics, MetricSink sink) {
    for (Info.Field field : info.fields()) {
      if (ELSEWHERE.contains(field.section())) {
        continue;
      }
      String name = field.name();
      InfoFields.Mapping mapping = InfoFields.of(name, out.compat());
      if (mapping != null) {
        Double value = Numbers.infoValue(field.value());
        if (value != null) {
          String metric = out.name(mapping.metric());
          sink.family(mapping.type(), metric, mapping.metric() + " metric").add(value);
        }
      } else if (name.equals("latest_fork_usec")) {
        gauge(sink, out, "latest_fork_seconds", field.value(), 1e-6);
      } else if (name.equals("total_system_memory") && systemMetrics) {
        gauge(sink, out, "total_system_memory_bytes", field.value(), 1);
      } else if (name.startsWith("cluster_")) {
        gauge(sink, out, MetricNames.sanitize(name), field.value(), 1);
      } else if (name.startsWith(IO_THREAD)) {
        String thread = name.substring(IO_THREAD.length());
        Double value = Numbers.parse(field.value());
        if (value != null && thread.chars().allMatch(Character::isDigit)) {
          sink.counter(out.name("active_time_io_thread_seconds_total"),
              "active_time_io_thread_seconds_total metric", "thread").add(value, thread);
        }
      }
    }
  }

  private static void gauge(MetricSink sink, Output out, String metric, String text,
      double scale) {
    Double value = Numbers.infoValue(text);
    if (value != null) {
      sink.gauge(out.name(metric), metric + " metric").add(value * scale);
    }
  }
}
