package io.exporters.scraper.config;

/**
 * {@code health:} in a module: read the body as a health endpoint's answer. {@code format} is
 * auto (detected), ietf, spring, microprofile, kubernetes or adhoc.
 */
public record HealthConfig(String format, Boolean failIfUnhealthy, Integer maxComponents) {}
