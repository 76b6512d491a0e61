package io.exporters.postgres;

/**
 * postgres_exporter's own keys: the data source name(s), which databases to visit, a file of
 * user queries in queries.yaml format, and which generation of metric names to emit.
 */
public record PostgresSettings(String dataSourceName, DatabaseSelection databases,
    String queriesFile, String compat) {
  public PostgresSettings {
    databases = databases == null ? DatabaseSelection.defaults() : databases;
  }
}
