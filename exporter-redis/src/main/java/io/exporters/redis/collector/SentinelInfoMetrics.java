package io.exporters.redis.collector;

import io.exporters.common.metrics.MetricSink;
import io.exporters.redis.info.Info;
import io.exporters.redis.info.Numbers;
import io.exporters.redis.info.Pairs;
import io.exporters.redis.settings.Output;
import java.util.Map;
import java.util.Set;

/**
 * The Sentinel section of a Sentinel's INFO: its counters, and per watched master
 * ({@code masterN:name=,status=,address=,slaves=,sentinels=}) the status, replica count and
 * Sentinel count.
 */
final class SentinelInfoMetrics {
  private static final Set<String> GAUGES = Set.of("sentinel_masters", "sentinel_tilt",
      "sentinel_running_scripts", "sentinel_scripts_queue_length",
      "sentinel_simulate_failure_flags");

  private SentinelInfoMetrics() {}

  static void write(Info info, Output out, MetricSink sink) {
    for (Info.Field field : info.section("Sentinel")) {
      String name = field.name();
      if (GAUGES.contains(name)) {
        Long value = Numbers.parseLong(field.value());
        sink.gauge(out.name(name), help(name)).add(value == null ? 0 : value);
      } else if (name.startsWith("master") && name.length() > 6
          && name.substring(6).chars().allMatch(Character::isDigit)) {
        master(Pairs.parse(field.value()), out, sink);
      }
    }
  }

  private static void master(Map<String, String> fields, Output out, MetricSink sink) {
    Double slaves = Numbers.parse(fields.get("slaves"));
    Double sentinels = Numbers.parse(fields.get("sentinels"));
    if (slaves == null || sentinels == null) {
      return;
    }
    String master = fields.getOrDefault("name", "");
    String address = fields.getOrDefault("address", "");
    String status = fields.getOrDefault("status", "");
    sink.gauge(out.name("sentinel_master_status"), "Master status on Sentinel", "master_name",
        "master_address", "master_status").add(status.equals("ok") ? 1 : 0, master, address,
        status);
    sink.gauge(out.name("sentinel_master_slaves"), "The number of slaves of the master",
        "master_name", "master_address").add(slaves, master, address);
    sink.gauge(out.name("sentinel_master_sentinels"),
        "The number of sentinels monitoring this master", "master_name", "master_address")
        .add(sentinels, master, address);
  }

  private static String help(String name) {
    return switch (name) {
      case "sentinel_masters" -> "The number of masters this sentinel is watching";
      case "sentinel_tilt" -> "Sentinel is in TILT mode";
      case "sentinel_running_scripts" -> "Number of scripts in execution right now";
      case "sentinel_scripts_queue_length" -> "Queue of user scripts to execute";
      default -> "Failures simulations";
    };
  }
}
