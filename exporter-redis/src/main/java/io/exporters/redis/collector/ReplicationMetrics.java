package io.exporters.redis.collector;

import io.exporters.common.metrics.MetricSink;
import io.exporters.redis.info.Info;
import io.exporters.redis.info.Numbers;
import io.exporters.redis.info.Pairs;
import io.exporters.redis.settings.Output;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Replication section's labelled series: on a master, each replica's offset and lag
 * ({@code slaveN:ip=,port=,state=,offset=,lag=}); on a replica, the link to its master (KeyDB's
 * {@code master_N_*} multi-master lines too), labelled by the master's host and port.
 */
final class ReplicationMetrics {
  private static final Pattern HOST = Pattern.compile("master(_[0-9]+)?_host");
  private static final Pattern PORT = Pattern.compile("master(_[0-9]+)?_port");
  private static final Pattern LINK = Pattern.compile("master(_[0-9]+)?_link_status");
  private static final Pattern MASTER_GAUGE =
      Pattern.compile("master(?:_[0-9]+)?_(last_io_seconds_ago|sync_in_progress)");
  private static final Pattern REPLICA = Pattern.compile("slave[0-9]+");

  private ReplicationMetrics() {}

  static void write(Info info, Output out, MetricSink sink) {
    String host = "";
    String port = "";
    for (Info.Field field : info.section("Replication")) {
      String name = field.name();
      String value = field.value();
      if (HOST.matcher(name).matches()) {
        host = value;
      } else if (PORT.matcher(name).matches()) {
        port = value;
      } else if (LINK.matcher(name).matches()) {
        sink.gauge(out.name("master_link_up"), "Master link status on Redis slave",
            "master_host", "master_port").add(value.equals("up") ? 1 : 0, host, port);
      } else if (name.equals("slave_repl_offset")) {
        sink.gauge(out.name("slave_repl_offset"), "Slave replication offset", "master_host",
            "master_port").add(integer(value), host, port);
      } else if (REPLICA.matcher(name).matches()) {
        replica(Pairs.parse(value), out, sink);
      } else {
        Matcher m = MASTER_GAUGE.matcher(name);
        if (m.matches()) {
          String metric = "master_" + m.group(1);
          sink.gauge(out.name(metric), m.group(1).startsWith("last_io")
              ? "Master last io seconds ago" : "Master sync in progress",
              "master_host", "master_port").add(integer(value), host, port);
        }
      }
    }
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
