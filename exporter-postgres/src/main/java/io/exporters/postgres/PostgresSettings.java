package io.exporters.postgres;

/**
 * postgres_exporter's own keys: the data source name(s), which databases to visit, and a file of
 * user queries in queries.yaml format.
 */
public record PostgresSettings(String dataSourceName, DatabaseSelection databases,
    String queriesFile) {
  public PostgresSettings {
    databases = databases == null ? DatabaseSelection.defaults() : databases;
  }
}
