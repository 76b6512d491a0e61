package io.exporters.redis.collector;

import io.exporters.common.metrics.MetricNames;
import io.exporters.common.metrics.MetricSink;
import io.exporters.common.metrics.MetricType;
import io.exporters.redis.info.Info;
import io.exporters.redis.info.Numbers;
import io.exporters.redis.settings.Output;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The plain INFO fields: those in redis_exporter's table under their mapped names and types,
 * every {@code cluster_*} field under its own name (as the anchor does, whatever the section),
 * {@code latest_fork_usec} in seconds, Valkey's per-IO-thread active time, and
 * {@code total_system_memory} when asked for. Fields the table does not know are skipped. Names
 * and help texts are made once, not per scrape.
 */
final class FieldMetrics {
  /** Sections other writers own; Valkey 9.1 repeats CLUSTER INFO under "Cluster Info". */
  private static final Set<String> ELSEWHERE = Set.of("Commandstats", "Latencystats",
      "Errorstats", "Keyspace", "Cluster Info", "Keysizes");
  private static final String IO_THREAD = "used_active_time_io_thread_";
  /** cluster_* names come from the server: remember a bounded number of them. */
  private static final int MAX_CLUSTER_NAMES = 256;

  /** A field's metric: full name, help and type, and the factor its value is scaled by. */
  private record Metric(String name, String help, MetricType type, double scale) {}

  private final Map<String, Metric> byField = new HashMap<>(256);
  private final Map<String, Metric> clusterNames = new ConcurrentHashMap<>();
  private final Output out;
  private final String ioThreads;

  FieldMetrics(Output out, boolean systemMetrics) {
    this.out = out;
    for (Map.Entry<String, InfoFields.Mapping> e : InfoFields.all(out.compat()).entrySet()) {
      InfoFields.Mapping m = e.getValue();
      byField.put(e.getKey(), new Metric(out.name(m.metric()), m.metric() + " metric", m.type(),
          1));
    }
    byField.put("latest_fork_usec", gauge("latest_fork_seconds", 1e-6));
    if (systemMetrics) {
      byField.put("total_system_memory", gauge("total_system_memory_bytes", 1));
    }
    this.ioThreads = out.name("active_time_io_thread_seconds_total");
  }

  void write(Info info, MetricSink sink) {
    for (Info.Field field : info.fields()) {
      if (ELSEWHERE.contains(field.section())) {
        continue;
      }
      String name = field.name();
      Metric metric = byField.get(name);
      if (metric == null && name.startsWith("cluster_")) {
        metric = cluster(name);
      }
      if (metric != null) {
        Double value = Numbers.infoValue(field.value());
        if (value != null) {
          sink.family(metric.type(), metric.name(), metric.help()).add(value * metric.scale());
        }
      } else if (name.startsWith(IO_THREAD)) {
        String thread = name.substring(IO_THREAD.length());
        Double value = Numbers.parse(field.value());
        if (value != null && thread.chars().allMatch(Character::isDigit)) {
          sink.counter(ioThreads, "active_time_io_thread_seconds_total metric", "thread")
              .add(value, thread);
        }
      }
    }
  }

  private Metric cluster(String field) {
    Metric known = clusterNames.get(field);
    if (known != null) {
      return known;
    }
    Metric metric = gauge(MetricNames.sanitize(field), 1);
    if (clusterNames.size() < MAX_CLUSTER_NAMES) {
      clusterNames.put(field, metric);
    }
    return metric;
  }

  private Metric gauge(String suffix, double scale) {
    return new Metric(out.name(suffix), suffix + " metric", MetricType.GAUGE, scale);
  }
}
