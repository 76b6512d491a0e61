package io.exporters.postgres.queries;

import java.util.List;
import java.util.Map;

/**
 * One namespace of a queries file exactly as written (postgres_exporter's queries.yaml keys plus
 * ttl, timeout and a version range), bound by the core's YAML binding; {@link CustomQueries}
 * checks it and makes it a {@link CustomQuery}.
 */
record QueryDefinition(String query, List<Map<String, Column>> metrics, Boolean master,
    String cacheSeconds, String runonserver, String ttl, String timeout, String minVersion,
    String maxVersion) {

  /** {@code <column>: {usage, description}}. */
  record Column(String usage, String description) {}
}
