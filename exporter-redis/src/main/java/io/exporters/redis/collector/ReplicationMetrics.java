package io.exporters.redis.collector;

import io.exporters.common.metrics.MetricSink;
import io.exporters.redis.info.Info;
import io.exporters.redis.info.Numbers;
import io.exporters.redis.info.Pairs;
import io.exporters.redis.settings.Output;
import java.util.Map;

/**
 * The Replication section's labelled series: on a master, each replica's offset and lag
 * ({@code slaveN:ip=,port=,state=,offset=,lag=}); on a replica, the link to its master (KeyDB's
 * {@code master_N_*} multi-master lines too), labelled by the master's host and port.
 */
final class ReplicationMetrics {
  private ReplicationMetrics() {}

  static void write(Info info, Output out, MetricSink sink) {
    String host = "";
    String port = "";
    for (Info.Field field : info.section("Replication")) {
      String name = field.name();
      String value = field.value();
      String master = masterField(name);
      if (master != null) {
        switch (master) {
          case "host" -> host = value;
          case "port" -> port = value;
          case "link_status" -> sink.gauge(out.name("master_link_up"),
              "Master link status on Redis slave", "master_host", "master_port")
              .add(value.equals("up") ? 1 : 0, host, port);
          case "last_io_seconds_ago" -> sink.gauge(out.name("master_last_io_seconds_ago"),
              "Master last io seconds ago", "master_host", "master_port")
              .add(integer(value), host, port);
          case "sync_in_progress" -> sink.gauge(out.name("master_sync_in_progress"),
              "Master sync in progress", "master_host", "master_port")
              .add(integer(value), host, port);
          default -> { }
        }
      } else if (name.equals("slave_repl_offset")) {
        sink.gauge(out.name("slave_repl_offset"), "Slave replication offset", "master_host",
            "master_port").add(integer(value), host, port);
      } else if (name.startsWith("slave") && digits(name, 5, name.length())) {
        replica(Pairs.parse(value), out, sink);
      }
    }
  }

  /** {@code host} of {@code master_host} or KeyDB's {@code master_2_host}; null otherwise. */
  static String masterField(String name) {
    if (!name.startsWith("master_")) {
      return null;
    }
    int from = 7;
    int underscore = name.indexOf('_', from);
    if (underscore > from && digits(name, from, underscore)) {
      from = underscore + 1;
    }
    return name.substring(from);
  }

  private static boolean digits(String s, int from, int to) {
    if (from >= to) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static void replica(Map<String, String> fields, Output out, MetricSink sink) {
    Double offset = Numbers.parse(fields.get("offset"));
    if (offset == null) {
      return;
    }
    String ip = fields.getOrDefault("ip", "");
    String port = fields.getOrDefault("port", "");
    String state = fields.getOrDefault("state", "");
    sink.gauge(out.name("connected_slave_offset_bytes"), "Offset of connected slave",
        "slave_ip", "slave_port", "slave_state").add(offset, ip, port, state);
    // Before Redis 3.0 there was no lag.
    Double lag = Numbers.parse(fields.get("lag"));
    if (lag != null) {
      sink.gauge(out.name("connected_slave_lag_seconds"), "Lag of connected slave",
          "slave_ip", "slave_port", "slave_state").add(lag, ip, port, state);
    }
  }

  /** Whole numbers as Go's Atoi reads them: anything else counts as 0. */
  private static double integer(String value) {
    Long n = Numbers.parseLong(value);
    return n == null || value.contains(".") || value.contains("e") ? 0 : n;
  }
}
