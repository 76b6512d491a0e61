package io.exporters.scraper.config;

/** One step of a tcp module's {@code query_response}: expect a line, send one, or start TLS. */
public record QueryStep(String expect, String send, Boolean starttls) {}
