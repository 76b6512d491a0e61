package io.exporters.postgres;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.exporters.postgres.queries.CustomQuery;
import io.exporters.postgres.settings.DatabaseSelection;
import java.util.List;

/**
 * postgres_exporter's own keys: the data source name(s), which databases to visit, a file of
 * user queries in queries.yaml format, which generation of metric names to emit, and labels
 * added to every series ({@code a=b,c=d}, as its --constantLabels). {@code queries} is not a
 * key: it is what the queries file holds, read once per load by {@link PostgresSchema}.
 */
public record PostgresSettings(String dataSourceName, DatabaseSelection databases,
    String queriesFile, String compat, String constantLabels,
    @JsonIgnore List<CustomQuery> queries) {
  public PostgresSettings {
    databases = databases == null ? DatabaseSelection.defaults() : databases;
    queries = queries == null ? List.of() : List.copyOf(queries);
  }

  PostgresSettings withQueries(List<CustomQuery> loaded) {
    return new PostgresSettings(dataSourceName, databases, queriesFile, compat, constantLabels,
        loaded);
  }
}
