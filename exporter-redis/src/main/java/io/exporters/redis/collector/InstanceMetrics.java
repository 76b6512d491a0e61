package io.exporters.redis.collector;

import io.exporters.common.metrics.MetricSink;
import io.exporters.redis.info.Info;
import io.exporters.redis.info.Numbers;
import io.exporters.redis.settings.Output;
import java.util.ArrayList;
import java.util.List;

/**
 * Who the instance is: {@code redis_instance_info} (role, version, mode... as labels; the
 * current generation adds {@code master_replid} and Valkey's version and release stage),
 * {@code redis_slave_info} on a replica, its start time, and its hz settings.
 */
final class InstanceMetrics {
  private static final List<String> LABELS_1_45 = List.of("role", "redis_version",
      "redis_build_id", "redis_mode", "os", "maxmemory_policy", "tcp_port", "run_id",
      "process_id");

  private InstanceMetrics() {}

  static void write(Info info, Output out, long nowSeconds, MetricSink sink) {
    List<String> names = new ArrayList<>(LABELS_1_45);
    List<String> values = new ArrayList<>(names.size() + 4);
    String mode = info.get("redis_mode");
    for (String label : LABELS_1_45) {
      values.add(label.equals("redis_mode")
          ? (mode != null ? mode : info.getOrDefault("server_mode", ""))
          : info.getOrDefault(label, ""));
    }
    if (!out.v145()) {
      names.add("master_replid");
      values.add(info.getOrDefault("master_replid", ""));
      for (String optional : List.of("valkey_version", "valkey_release_stage")) {
        if (info.get(optional) != null) {
          names.add(optional);
          values.add(info.get(optional));
        }
      }
      String zone = info.get("availability_zone");
      if (zone != null && !zone.isEmpty()) {
        names.add("availability_zone");
        values.add(zone);
      }
    }
    sink.gauge(out.name("instance_info"), "Information about the Redis instance",
        names.toArray(String[]::new)).add(1, values.toArray(String[]::new));

    if ("slave".equals(info.get("role"))) {
      sink.gauge(out.name("slave_info"), "Information about the Redis slave",
          "master_host", "master_port", "read_only")
          .add(1, info.getOrDefault("master_host", ""), info.getOrDefault("master_port", ""),
              info.getOrDefault("slave_read_only", ""));
    }
    Double uptime = Numbers.parse(info.get("uptime_in_seconds"));
    if (uptime != null) {
      sink.gauge(out.name("start_time_seconds"),
          "Start time of the Redis instance since unix epoch in seconds.")
          .add(nowSeconds - uptime);
    }
    for (String hz : List.of("configured_hz", "hz")) {
      Long value = Numbers.parseLong(info.get(hz));
      if (value != null) {
        sink.gauge(out.name(hz), hz + " metric").add(value);
      }
    }
  }
}
