package io.exporters.redis.collector;

import io.exporters.common.metrics.MetricSink;
import io.exporters.redis.client.Replies;
import io.exporters.redis.info.Pairs;
import io.exporters.redis.settings.Output;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code LATENCY HISTOGRAM} (Redis 7+) as {@code redis_commands_latencies_usec{cmd}}: Redis'
 * cumulative power-of-two buckets in microseconds, the command's calls as the count and its
 * total time from Commandstats as the sum (a container command's sum includes its
 * subcommands').
 */
final class LatencyHistogramMetrics {
  private LatencyHistogramMetrics() {}

  static void write(Object reply, Map<String, String> stats, Output out,
      MetricSink sink) {
    // Histograms are written as they come: in command order, as Go sorts them.
    Map<String, Object> byCommand = new TreeMap<>(Replies.map(reply));
    MetricSink.SeriesWriter histogram = null;
    for (Map.Entry<String, Object> entry : byCommand.entrySet()) {
      String cmd = entry.getKey();
      Map<String, Object> details = Replies.map(entry.getValue());
      Long calls = Replies.number(details.get("calls"));
      List<Object> buckets = Replies.list(details.get("histogram_usec"));
      if (cmd == null || calls == null || buckets.size() % 2 != 0) {
        continue;
      }
      double[] bounds = new double[buckets.size() / 2];
      long[] counts = new long[bounds.length];
      boolean valid = true;
      for (int b = 0; b < bounds.length; b++) {
        Long bound = Replies.number(buckets.get(2 * b));
        Long count = Replies.number(buckets.get(2 * b + 1));
        if (bound == null || count == null) {
          valid = false;
          break;
        }
        bounds[b] = bound;
        counts[b] = count;
      }
      if (!valid) {
        continue;
      }
      if (histogram == null) {
        histogram = sink.histogram(out.name("commands_latencies_usec"),
            "A histogram of latencies per command", "cmd");
      }
      histogram.addHistogram(bounds, counts, usecOf(cmd, stats), calls, cmd);
    }
  }

  private static double usecOf(String cmd, Map<String, String> stats) {
    double sum = 0;
    for (Map.Entry<String, String> e : stats.entrySet()) {
      String name = e.getKey();
      if (name.equals(cmd) || name.startsWith(cmd + "|")) {
        Double usec = Pairs.number(e.getValue(), "usec");
        sum += usec == null ? 0 : usec;
      }
    }
    return sum;
  }
}
