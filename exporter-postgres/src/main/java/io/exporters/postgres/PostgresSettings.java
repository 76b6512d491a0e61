package io.exporters.postgres;

/** postgres_exporter's own keys: the data source name(s) and which databases to visit. */
public record PostgresSettings(String dataSourceName, DatabaseSelection databases) {
  public PostgresSettings {
    databases = databases == null ? DatabaseSelection.defaults() : databases;
  }
}
