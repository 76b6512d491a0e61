package io.exporters.scraper.config;

/** One of {@code fail_if_header_matches} / {@code fail_if_header_not_matches}. */
public record HeaderMatch(String header, String regexp, Boolean allowMissing) {}
