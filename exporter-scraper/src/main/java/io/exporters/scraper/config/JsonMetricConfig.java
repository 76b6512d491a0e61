package io.exporters.scraper.config;

import java.util.Map;

/**
 * One metric taken from a JSON body, in json_exporter's keys ({@code name}, {@code path},
 * {@code help}, {@code type} value|object, {@code valuetype}, {@code labels}, {@code values},
 * {@code allow_missing_key}) plus {@code value_map} (string to number).
 */
public record JsonMetricConfig(
    String name,
    String path,
    String help,
    String type,
    String valuetype,
    Map<String, String> labels,
    Map<String, String> values,
    Map<String, Double> valueMap,
    Boolean allowMissingKey) {}
