package io.exporters.scraper.config;

import java.util.List;

/**
 * {@code json:} in a module: metrics extracted from the body. {@code on_duplicate} says which
 * of two series with the same labels is kept: first (default), last, or sum.
 */
public record JsonConfig(List<JsonMetricConfig> metrics, String onDuplicate, Integer maxSeries) {}
