package io.exporters.common.collector;

import io.exporters.common.backend.Version;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * A named collector with its defaults: enabled or not, an optional cache TTL and an optional
 * backend version range [minVersion, maxVersion). Config may override enabled, ttl and timeout,
 * and set the collector's own {@link #options()}.
 */
public record CollectorSpec<C>(
    String name,
    String description,
    boolean enabledByDefault,
    Duration defaultTtl,
    Version minVersion,
    Version maxVersion,
    Set<String> options,
    Collector<C> collector) {

  public CollectorSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(collector, "collector");
    description = description == null ? "" : description;
    options = Set.copyOf(options == null ? Set.of() : options);
  }

  public static <C> CollectorSpec<C> of(String name, String description, Collector<C> collector) {
    return new CollectorSpec<>(name, description, true, null, null, null, Set.of(), collector);
  }

  public CollectorSpec<C> disabledByDefault() {
    return new CollectorSpec<>(
        name, description, false, defaultTtl, minVersion, maxVersion, options, collector);
  }

  public CollectorSpec<C> ttl(Duration ttl) {
    return new CollectorSpec<>(
        name, description, enabledByDefault, ttl, minVersion, maxVersion, options, collector);
  }

  /** Applies from {@code min} (inclusive) up to {@code max} (exclusive); either may be null. */
  public CollectorSpec<C> versions(Version min, Version max) {
    return new CollectorSpec<>(name, description, enabledByDefault, defaultTtl, min, max, options,
        collector);
  }

  public CollectorSpec<C> options(String... optionNames) {
    return new CollectorSpec<>(name, description, enabledByDefault, defaultTtl, minVersion,
        maxVersion, Set.of(optionNames), collector);
  }

  public boolean appliesTo(Version version) {
    if (version == null) {
      return true;
    }
    return (minVersion == null || version.atLeast(minVersion))
        && (maxVersion == null || version.compareTo(maxVersion) < 0);
  }
}
