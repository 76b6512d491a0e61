package io.exporters.postgres.queries;

import io.exporters.common.backend.Version;
import java.time.Duration;
import java.util.List;

/**
 * One user query from the queries file: its namespace (metric prefix and collector name), SQL,
 * what each column is, and optional TTL, timeout and server version range.
 */
public record CustomQuery(String namespace, String sql, List<Column> columns, Duration ttl,
    Duration timeout, Version minVersion, Version maxVersion) {

  public CustomQuery {
    columns = List.copyOf(columns);
  }

  /** How a result column is exported, with postgres_exporter's usage names. */
  public enum Usage {
    LABEL, COUNTER, GAUGE, DURATION, DISCARD
  }

  public record Column(String name, Usage usage, String description) {}
}
