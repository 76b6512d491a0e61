package io.exporters.scraper.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.exporters.common.metrics.MetricSink;
import io.exporters.common.metrics.MetricType;
import io.exporters.scraper.model.FailureReason;
import io.exporters.scraper.model.Family;
import io.exporters.scraper.model.ProbeFailure;
import io.exporters.scraper.model.ProbeLog;
import io.exporters.scraper.model.ProbeMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * json_exporter's job on a parsed body: each metric's path selects values, each becomes a series
 * with its labels. Never fails the scrape: a value that cannot be read, a duplicate series (kept
 * by the module's rule) and series past the limit are dropped and counted; a required path that
 * selects nothing fails the probe with reason {@code json}, an allowed one is skipped.
 */
public final class JsonExtractor {
  static final Family DROPPED = Family.gauge("probe_json_series_dropped",
      "Series a JSON body would have given but did not: duplicate (same name and labels; "
          + "json.on_duplicate says which is kept), unconvertible (no number in the value), "
          + "over_limit (past json.max_series)", "reason");
  static final Family MISSING = Family.gauge("probe_json_missing_paths",
      "Metrics whose required path selected nothing in the body");

  private JsonExtractor() {}

  /** Series, keyed by name and label values, in document order. */
  private record Key(String name, List<String> labelValues) {}

  /** Returns the failure (a required path missing), or null. */
  public static ProbeFailure extract(JsonExtraction spec, JsonNode root, ProbeMetrics metrics,
      ProbeLog log) {
    Map<Key, Double> series = new LinkedHashMap<>();
    Map<String, JsonMetric> byName = new LinkedHashMap<>();
    int duplicates = 0;
    int unconvertible = 0;
    int overLimit = 0;
    List<String> missing = new ArrayList<>();
    for (JsonMetric metric : spec.metrics()) {
      List<Match> matches = metric.path().select(root, root);
      log.info("JSON path evaluated", "metric", metric.name(), "path", metric.path(),
          "matches", matches.size());
      if (matches.isEmpty() && !metric.allowMissing()) {
        missing.add(metric.name());
      }
      for (Match match : elements(metric, matches)) {
        List<String> labels = new ArrayList<>(metric.labels().size());
        for (LabelTemplate t : metric.labels().values()) {
          labels.add(t.render(match, root));
        }
        Map<String, Double> values = values(metric, match, root);
        for (Map.Entry<String, Double> v : values.entrySet()) {
          if (v.getValue() == null) {
            unconvertible++;
            continue;
          }
          Key key = new Key(v.getKey(), labels);
          Double old = series.get(key);
          if (old == null && series.size() >= spec.maxSeries()) {
            overLimit++;
            continue;
          }
          byName.putIfAbsent(v.getKey(), metric);
          if (old == null) {
            series.put(key, v.getValue());
            continue;
          }
          duplicates++;
          if (spec.onDuplicate() == JsonExtraction.OnDuplicate.LAST) {
            series.put(key, v.getValue());
          } else if (spec.onDuplicate() == JsonExtraction.OnDuplicate.SUM) {
            series.put(key, old + v.getValue());
          }
        }
      }
    }
    write(series, byName, metrics.sink());
    metrics.set(DROPPED, duplicates, "duplicate");
    metrics.set(DROPPED, unconvertible, "unconvertible");
    metrics.set(DROPPED, overLimit, "over_limit");
    metrics.set(MISSING, missing.size());
    if (duplicates + unconvertible + overLimit > 0) {
      log.info("JSON series dropped", "duplicate", duplicates, "unconvertible", unconvertible,
          "over_limit", overLimit);
    }
    if (!missing.isEmpty()) {
      log.error("Required JSON paths selected nothing", "metrics", String.join(",", missing));
      return new ProbeFailure(FailureReason.JSON, "required paths selected nothing for "
          + String.join(", ", missing));
    }
    return null;
  }

  /** Object metrics iterate the elements of a selected array, as json_exporter does. */
  private static List<Match> elements(JsonMetric metric, List<Match> matches) {
    if (!metric.objectType()) {
      return matches;
    }
    List<Match> out = new ArrayList<>();
    for (Match m : matches) {
      if (m.node().isArray()) {
        for (int i = 0; i < m.node().size() && out.size() < JsonPath.MAX_MATCHES; i++) {
          out.add(new Match(m.node().get(i), Integer.toString(i)));
        }
      } else {
        out.add(m);
      }
    }
    return out;
  }

  /** Name of each series this match gives, with its value (null: unconvertible). */
  private static Map<String, Double> values(JsonMetric metric, Match match, JsonNode root) {
    Map<String, Double> out = new LinkedHashMap<>();
    if (!metric.objectType()) {
      out.put(metric.name(), metric.info() ? Double.valueOf(1)
          : Values.number(match.node(), metric.valueMap()));
      return out;
    }
    for (Map.Entry<String, JsonMetric.ValueSource> v : metric.values().entrySet()) {
      JsonMetric.ValueSource source = v.getValue();
      out.put(metric.name() + "_" + v.getKey(), source.constant() != null ? source.constant()
          : Values.number(source.path().first(match.node(), root), metric.valueMap()));
    }
    return out;
  }

  private static void write(Map<Key, Double> series, Map<String, JsonMetric> byName,
      MetricSink sink) {
    for (Map.Entry<Key, Double> s : series.entrySet()) {
      JsonMetric metric = byName.get(s.getKey().name());
      MetricType type = metric.info() ? MetricType.GAUGE : metric.type();
      sink.family(type, s.getKey().name(), metric.help(),
          metric.labels().keySet().toArray(String[]::new))
          .add(s.getValue(), s.getKey().labelValues().toArray(String[]::new));
    }
  }
}
