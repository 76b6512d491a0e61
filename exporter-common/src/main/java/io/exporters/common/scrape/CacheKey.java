package io.exporters.common.scrape;

import io.exporters.common.backend.TargetKey;

/** A collector's result for one target, as the TTL cache and the failure log key it. */
record CacheKey(TargetKey target, String collector) {}
