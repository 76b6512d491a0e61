package io.exporters.postgres;

/** postgres_exporter's own keys: the data source name(s) /metrics scrapes. */
public record PostgresSettings(String dataSourceName) {}
