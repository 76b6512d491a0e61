package io.exporters.postgres.queries;

import com.fasterxml.jackson.databind.JsonNode;
import io.exporters.common.backend.Version;
import io.exporters.common.config.ConfigException;
import io.exporters.common.config.GoDuration;
import io.exporters.common.config.YamlBinding;
import io.exporters.common.metrics.MetricNames;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a queries file in postgres_exporter's queries.yaml format ({@code <namespace>: {query,
 * metrics: [{<column>: {usage, description}}], cache_seconds, master, runonserver}}), plus
 * {@code ttl}, {@code timeout}, {@code min_version} and {@code max_version}, through the core's
 * YAML binding. Every problem is a {@link ConfigException} naming the file and the key.
 */
public final class CustomQueries {
  private CustomQueries() {}

  public static List<CustomQuery> load(Path file) throws ConfigException {
    String source = "queries file " + file;
    List<CustomQuery> queries = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : YamlBinding.read(file, "queries file").properties()) {
      String namespace = e.getKey();
      String where = source + ": key '" + namespace;
      if (!MetricNames.isValidMetricName(namespace)) {
        throw new ConfigException(where + "': not a valid metric name prefix");
      }
      if (!e.getValue().isObject()) {
        throw new ConfigException(where + "': expected a map with query and metrics");
      }
      QueryDefinition d = YamlBinding.bindAt(namespace, e.getValue(), QueryDefinition.class,
          key -> source);
      queries.add(check(namespace, d, where));
    }
    return queries;
  }

  private static CustomQuery check(String namespace, QueryDefinition d, String where)
      throws ConfigException {
    if (d.query() == null || d.query().isBlank()) {
      throw new ConfigException(where + ".query': required, the SQL to run");
    }
    if (d.metrics() == null || d.metrics().isEmpty()) {
      throw new ConfigException(where + ".metrics': required, a list of {column: {usage, "
          + "description}}");
    }
    List<CustomQuery.Column> columns = new ArrayList<>();
    for (int i = 0; i < d.metrics().size(); i++) {
      Map<String, QueryDefinition.Column> item = d.metrics().get(i);
      String at = where + ".metrics[" + i + "]";
      if (item == null || item.size() != 1) {
        throw new ConfigException(at + "': expected one {column: {usage, description}}");
      }
      Map.Entry<String, QueryDefinition.Column> col = item.entrySet().iterator().next();
      at += "." + col.getKey();
      QueryDefinition.Column c = col.getValue() == null
          ? new QueryDefinition.Column(null, null) : col.getValue();
      String usageText = c.usage() == null ? "" : c.usage();
      CustomQuery.Usage usage;
      try {
        usage = CustomQuery.Usage.valueOf(usageText.toUpperCase());
      } catch (IllegalArgumentException ex) {
        throw new ConfigException(at + ".usage': unknown usage '" + usageText + "' (use LABEL, "
            + "COUNTER, GAUGE, DURATION or DISCARD)");
      }
      if (usage == CustomQuery.Usage.LABEL && !MetricNames.isValidLabelName(col.getKey())) {
        throw new ConfigException(at + "': not a valid label name");
      }
      if (usage != CustomQuery.Usage.LABEL && usage != CustomQuery.Usage.DISCARD
          && !MetricNames.isValidMetricName(namespace + "_" + col.getKey())) {
        throw new ConfigException(at + "': '" + namespace + "_" + col.getKey()
            + "' is not a valid metric name");
      }
      columns.add(new CustomQuery.Column(col.getKey(), usage,
          c.description() == null ? "" : c.description()));
    }
    if (columns.stream().allMatch(c -> c.usage() == CustomQuery.Usage.LABEL
        || c.usage() == CustomQuery.Usage.DISCARD)) {
      throw new ConfigException(where + ".metrics': no COUNTER, GAUGE or DURATION column");
    }
    Duration ttl = null;
    if (d.ttl() != null) {
      ttl = duration(d.ttl(), where + ".ttl'");
    } else if (d.cacheSeconds() != null) {
      ttl = duration(d.cacheSeconds(), where + ".cache_seconds'");
    }
    Duration timeout = d.timeout() == null ? null : duration(d.timeout(), where + ".timeout'");
    Version min = version(d.minVersion(), where + ".min_version'");
    Version max = version(d.maxVersion(), where + ".max_version'");
    if (d.runonserver() != null && min == null && max == null) {
      Version[] range = runOnServer(d.runonserver(), where + ".runonserver'");
      min = range[0];
      max = range[1];
    }
    return new CustomQuery(namespace, d.query(), columns, ttl, timeout, min, max);
  }

  private static Duration duration(String text, String where) throws ConfigException {
    try {
      Duration d = GoDuration.parse(text);
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException("must be positive");
      }
      return d;
    } catch (IllegalArgumentException e) {
      throw new ConfigException(where + ": " + e.getMessage());
    }
  }

  private static Version version(String text, String where) throws ConfigException {
    if (text == null) {
      return null;
    }
    try {
      return Version.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(where + ": " + e.getMessage());
    }
  }

  /** The ">=10.0.0 <17.0.0" ranges of queries.yaml's runonserver. */
  private static Version[] runOnServer(String range, String where) throws ConfigException {
    Version[] out = new Version[2];
    for (String part : range.trim().split("\\s+")) {
      try {
        if (part.startsWith(">=")) {
          out[0] = Version.parse(part.substring(2));
        } else if (part.startsWith("<")) {
          out[1] = Version.parse(part.substring(1));
        } else {
          throw new IllegalArgumentException("use >=X and/or <Y, got '" + part + "'");
        }
      } catch (IllegalArgumentException e) {
        throw new ConfigException(where + ": " + e.getMessage());
      }
    }
    return out;
  }
}
