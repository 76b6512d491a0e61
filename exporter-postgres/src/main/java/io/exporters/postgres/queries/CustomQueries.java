package io.exporters.postgres.queries;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exporters.common.collector.Version;
import io.exporters.common.config.ConfigErrors;
import io.exporters.common.config.ConfigException;
import io.exporters.common.config.ConfigMapper;
import io.exporters.common.config.GoDuration;
import io.exporters.common.metrics.MetricNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a queries file in postgres_exporter's queries.yaml format ({@code <namespace>: {query,
 * metrics: [{<column>: {usage, description}}], cache_seconds, master, runonserver}}), plus
 * {@code ttl}, {@code timeout}, {@code min_version} and {@code max_version}. Every problem is a
 * {@link ConfigException} naming the file and the key.
 */
public final class CustomQueries {
  private static final Set<String> QUERY_KEYS = Set.of("query", "metrics", "master",
      "cache_seconds", "runonserver", "ttl", "timeout", "min_version", "max_version");
  private static final Set<String> COLUMN_KEYS = Set.of("usage", "description");

  private CustomQueries() {}

  public static List<CustomQuery> load(Path file) throws ConfigException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException("cannot read queries file " + file + ": "
          + ConfigErrors.ioReason(e));
    }
    ObjectMapper mapper = ConfigMapper.create();
    JsonNode root;
    try {
      root = mapper.readTree(text);
    } catch (JsonProcessingException e) {
      throw new ConfigException("queries file " + file + ": invalid YAML"
          + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr())
          + ": " + e.getOriginalMessage().lines().findFirst().orElse(""));
    }
    List<CustomQuery> queries = new ArrayList<>();
    if (root == null || root.isNull() || root.isMissingNode()) {
      return queries;
    }
    if (!root.isObject()) {
      throw new ConfigException("queries file " + file + ": the top level must be a map of "
          + "namespaces");
    }
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      queries.add(parse(file, e.getKey(), e.getValue()));
    }
    return queries;
  }

  private static CustomQuery parse(Path file, String namespace, JsonNode node)
      throws ConfigException {
    String where = "queries file " + file + ": key '" + namespace;
    if (!MetricNames.isValidMetricName(namespace)) {
      throw new ConfigException(where + "': not a valid metric name prefix");
    }
    if (!node.isObject()) {
      throw new ConfigException(where + "': expected a map with query and metrics");
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!QUERY_KEYS.contains(key)) {
        throw new ConfigException(where + "." + key + "': unknown key (known: cache_seconds, "
            + "master, max_version, metrics, min_version, query, runonserver, timeout, ttl)");
      }
    }
    JsonNode sql = node.get("query");
    if (sql == null || !sql.isTextual() || sql.asText().isBlank()) {
      throw new ConfigException(where + ".query': required, the SQL to run");
    }
    JsonNode metrics = node.get("metrics");
    if (metrics == null || !metrics.isArray() || metrics.isEmpty()) {
      throw new ConfigException(where + ".metrics': required, a list of {column: {usage, "
          + "description}}");
    }
    List<CustomQuery.Column> columns = new ArrayList<>();
    for (int i = 0; i < metrics.size(); i++) {
      JsonNode item = metrics.get(i);
      String at = where + ".metrics[" + i + "]";
      if (!item.isObject() || item.size() != 1) {
        throw new ConfigException(at + "': expected one {column: {usage, description}}");
      }
      Map.Entry<String, JsonNode> col = item.properties().iterator().next();
      at += "." + col.getKey();
      for (Iterator<String> it = col.getValue().fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!COLUMN_KEYS.contains(key)) {
          throw new ConfigException(at + "." + key + "': unknown key (known: usage, "
              + "description)");
        }
      }
      String usageText = col.getValue().path("usage").asText("");
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
          col.getValue().path("description").asText("")));
    }
    if (columns.stream().allMatch(c -> c.usage() == CustomQuery.Usage.LABEL
        || c.usage() == CustomQuery.Usage.DISCARD)) {
      throw new ConfigException(where + ".metrics': no COUNTER, GAUGE or DURATION column");
    }
    Duration ttl = null;
    if (node.has("ttl")) {
      ttl = duration(node.get("ttl"), where + ".ttl'");
    } else if (node.has("cache_seconds")) {
      ttl = duration(node.get("cache_seconds"), where + ".cache_seconds'");
    }
    Duration timeout = node.has("timeout") ? duration(node.get("timeout"), where + ".timeout'")
        : null;
    Version min = version(node.get("min_version"), where + ".min_version'");
    Version max = version(node.get("max_version"), where + ".max_version'");
    if (node.has("runonserver") && min == null && max == null) {
      Version[] range = runOnServer(node.get("runonserver").asText(), where + ".runonserver'");
      min = range[0];
      max = range[1];
    }
    return new CustomQuery(namespace, sql.asText(), columns, ttl, timeout, min, max);
  }

  private static Duration duration(JsonNode node, String where) throws ConfigException {
    try {
      Duration d = GoDuration.parse(node.asText());
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException("must be positive");
      }
      return d;
    } catch (IllegalArgumentException e) {
      throw new ConfigException(where + ": " + e.getMessage());
    }
  }

  private static Version version(JsonNode node, String where) throws ConfigException {
    if (node == null || node.isNull()) {
      return null;
    }
    try {
      return Version.parse(node.asText());
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
