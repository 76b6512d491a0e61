package io.exporters.redis.collector;

import io.exporters.common.metrics.MetricSink;
import io.exporters.redis.info.Info;
import io.exporters.redis.info.Numbers;
import io.exporters.redis.info.Pairs;
import io.exporters.redis.settings.Output;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

  /** Each command's stats by name, fields by name ({@code calls}, {@code usec}...). */
  static Map<String, Map<String, String>> stats(Info info) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (Info.Field field : info.section("Commandstats")) {
      if (field.name().startsWith(CMDSTAT)) {
        out.put(field.name().substring(CMDSTAT.length()), Pairs.parse(field.value()));
      }
    }
    return out;
  }

  static void write(Info info, Map<String, Map<String, String>> stats, Output out,
      MetricSink sink) {
    MetricSink.SeriesWriter calls = sink.counter(out.name("commands_total"),
        "Total number of calls per command", "cmd");
    MetricSink.SeriesWriter duration = sink.counter(out.name("commands_duration_seconds_total"),
        "Total amount of time in seconds spent per command", "cmd");
    for (Map.Entry<String, Map<String, String>> e : stats.entrySet()) {
      String cmd = e.getKey();
      Map<String, String> f = e.getValue();
      Double count = Numbers.parse(f.get("calls"));
      Double usec = Numbers.parse(f.get("usec"));
      if (count == null || usec == null) {
        continue;
      }
      calls.add(count, cmd);
      duration.add(usec / 1e6, cmd);
      Double rejected = Numbers.parse(f.get("rejected_calls"));
      Double failed = Numbers.parse(f.get("failed_calls"));
      if (rejected != null && failed != null) {
        sink.counter(out.name("commands_rejected_calls_total"),
            "Total number of errors within command execution per command", "cmd")
            .add(rejected, cmd);
        sink.counter(out.name("commands_failed_calls_total"),
            "Total number of errors prior command execution per command", "cmd")
            .add(failed, cmd);
      }
      Double slowCount = Numbers.parse(f.get("slowlog_count"));
      Double slowSum = Numbers.parse(f.get("slowlog_time_ms_sum"));
      Double slowMax = Numbers.parse(f.get("slowlog_time_ms_max"));
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

  private static void percentiles(Info info, Map<String, Map<String, String>> stats,
      Output out, MetricSink sink) {
    MetricSink.SeriesWriter summary = null;
    // Summaries are written as they come: in command order, as Go sorts them.
    List<Info.Field> fields = new ArrayList<>(info.section("Latencystats"));
    fields.sort(Comparator.comparing(Info.Field::name));
    for (Info.Field field : fields) {
      if (!field.name().startsWith(PERCENTILES)) {
        continue;
      }
      String cmd = field.name().substring(PERCENTILES.length());
      Map<String, String> stat = stats.get(cmd);
      Double count = stat == null ? null : Numbers.parse(stat.get("calls"));
      Double usec = stat == null ? null : Numbers.parse(stat.get("usec"));
      TreeMap<Double, Double> quantiles = new TreeMap<>();
      for (Map.Entry<String, String> p : Pairs.parse(field.value()).entrySet()) {
        Double q = p.getKey().startsWith("p") ? Numbers.parse(p.getKey().substring(1)) : null;
        Double v = Numbers.parse(p.getValue());
        if (q != null && v != null) {
          quantiles.put(q, v);
        }
      }
      if (count == null || usec == null || quantiles.isEmpty()) {
        continue;
      }
      if (summary == null) {
        summary = sink.summary(out.name("latency_percentiles_usec"),
            "A summary of latency percentile distribution per command", "cmd");
      }
      List<Double> qs = new ArrayList<>(quantiles.keySet());
      double[] q = new double[qs.size()];
      double[] v = new double[qs.size()];
      for (int i = 0; i < q.length; i++) {
        q[i] = qs.get(i);
        v[i] = quantiles.get(qs.get(i));
      }
      summary.addSummary(q, v, usec, count.longValue(), cmd);
    }
  }
}
