package io.exporters.scraper.http;

import java.util.regex.Pattern;

/** A compiled fail_if_header_matches / fail_if_header_not_matches entry. */
public record HeaderRule(String header, Pattern regexp, boolean allowMissing) {}
