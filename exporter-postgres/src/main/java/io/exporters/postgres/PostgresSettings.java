package io.exporters.postgres;

/**
 * postgres_exporter's own keys: the data source name(s), which databases to visit, a file of
 * user queries in queries.yaml format, which generation of metric names to emit, and labels
 * added to every series ({@code a=b,c=d}, as its --constantLabels).
 */
public record PostgresSettings(String dataSourceName, DatabaseSelection databases,
    String queriesFile, String compat, String constantLabels) {
  public PostgresSettings {
    databases = databases == null ? DatabaseSelection.defaults() : databases;
  }
}
