package io.exporters.redis.collector;

import io.exporters.common.metrics.MetricSink;
import io.exporters.redis.info.Info;
import io.exporters.redis.info.Numbers;
import io.exporters.redis.info.Pairs;
import io.exporters.redis.settings.Output;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Commandstats and Latencystats: calls, time, rejected and failed calls per command
 * ({@code cmd} keeps Redis 7's {@code config|get} spelling), and the per-command latency
 * percentiles as a summary whose quantile labels are the raw percentiles ({@code "99.9"}, not
 * 0.999): redis_exporter's quirk, kept because queries select them so.
 */
final class CommandMetrics {
  private static final String CMDSTAT = "cmdstat_";
  private static final String PERCENTILES = "latency_percentiles_usec_";

  private CommandMetrics() {}

  /** Each command's stats line by command ({@code calls=21,usec=175,...}), read with Pairs. */
  static Map<String, String> stats(Info info) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Info.Field field : info.section("Commandstats")) {
      if (field.name().startsWith(CMDSTAT)) {
        out.put(field.name().substring(CMDSTAT.length()), field.value());
      }
    }
    return out;
  }

  static void write(Info info, Map<String, String> stats, Output out, MetricSink sink) {
    MetricSink.SeriesWriter calls = sink.counter(out.name("commands_total"),
        "Total number of calls per command", "cmd");
    MetricSink.SeriesWriter duration = sink.counter(out.name("commands_duration_seconds_total"),
        "Total amount of time in seconds spent per command", "cmd");
    MetricSink.SeriesWriter rejectedCalls = null;
    MetricSink.SeriesWriter failedCalls = null;
    for (Map.Entry<String, String> e : stats.entrySet()) {
      String cmd = e.getKey();
      String f = e.getValue();
      Double count = Pairs.number(f, "calls");
      Double usec = Pairs.number(f, "usec");
      if (count == null || usec == null) {
        continue;
      }
      calls.add(count, cmd);
      duration.add(usec / 1e6, cmd);
      Double rejected = Pairs.number(f, "rejected_calls");
      Double failed = Pairs.number(f, "failed_calls");
      if (rejected != null && failed != null) {
        if (rejectedCalls == null) {
          rejectedCalls = sink.counter(out.name("commands_rejected_calls_total"),
              "Total number of errors within command execution per command", "cmd");
          failedCalls = sink.counter(out.name("commands_failed_calls_total"),
              "Total number of errors prior command execution per command", "cmd");
        }
        rejectedCalls.add(rejected, cmd);
        failedCalls.add(failed, cmd);
      }
      Double slowCount = Pairs.number(f, "slowlog_count");
      Double slowSum = Pairs.number(f, "slowlog_time_ms_sum");
      Double slowMax = Pairs.number(f, "slowlog_time_ms_max");
      if (slowCount != null && slowSum != null && slowMax != null && !out.v145()) {
        sink.counter(out.name("commands_slowlog_total"),
            "Total number of slow log entries per command", "cmd").add(slowCount, cmd);
        sink.counter(out.name("commands_slowlog_duration_seconds_total"),
            "Total time of slow executions per command", "cmd").add(slowSum / 1e3, cmd);
        sink.gauge(out.name("commands_slowlog_duration_seconds_max"),
            "Longest slow execution per command", "cmd").add(slowMax / 1e3, cmd);
      }
    }
    percentiles(info, stats, out, sink);
  }

  private static void percentiles(Info info, Map<String, String> stats, Output out,
      MetricSink sink) {
    MetricSink.SeriesWriter summary = null;
    // Summaries are written as they come: in command order, as Go sorts them.
    List<Info.Field> fields = new ArrayList<>(info.section("Latencystats"));
    fields.sort(Comparator.comparing(Info.Field::name));
    for (Info.Field field : fields) {
      if (!field.name().startsWith(PERCENTILES)) {
        continue;
      }
      String cmd = field.name().substring(PERCENTILES.length());
      String stat = stats.get(cmd);
      Double count = stat == null ? null : Pairs.number(stat, "calls");
      Double usec = stat == null ? null : Pairs.number(stat, "usec");
      double[][] quantiles = quantiles(field.value());
      if (count == null || usec == null || quantiles[0].length == 0) {
        continue;
      }
      if (summary == null) {
        summary = sink.summary(out.name("latency_percentiles_usec"),
            "A summary of latency percentile distribution per command", "cmd");
      }
      summary.addSummary(quantiles[0], quantiles[1], usec, count.longValue(), cmd);
    }
  }

  /** {@code p50=1.0,p99=2.0,p99.9=3.0} as percentiles (ascending) and their values. */
  static double[][] quantiles(String value) {
    String[] parts = value.split(",");
    double[] q = new double[parts.length];
    double[] v = new double[parts.length];
    int n = 0;
    for (String part : parts) {
      int eq = part.indexOf('=');
      Double percentile = eq > 1 && part.charAt(0) == 'p'
          ? Numbers.parse(part.substring(1, eq)) : null;
      Double number = eq > 0 ? Numbers.parse(part.substring(eq + 1)) : null;
      if (percentile != null && number != null) {
        int at = n++;
        // Insertion keeps them ascending (Redis lists them so already).
        while (at > 0 && q[at - 1] > percentile) {
          q[at] = q[at - 1];
          v[at] = v[at - 1];
          at--;
        }
        q[at] = percentile;
        v[at] = number;
      }
    }
    return new double[][] {Arrays.copyOf(q, n), Arrays.copyOf(v, n)};
  }
}
