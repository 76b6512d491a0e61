package io.exporters.scraper.tcp;

import java.util.regex.Pattern;

/** A compiled query_response step: a line to wait for, a line to send, or a TLS upgrade. */
public record QueryStepRule(Pattern expect, String send, boolean starttls) {}
