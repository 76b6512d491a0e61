package io.exporters.common.collector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The one registry of an exporter's collector names and defaults. */
public final class CollectorCatalog<C> {
  private final Map<String, CollectorSpec<C>> specs = new LinkedHashMap<>();

  @SafeVarargs
  public static <C> CollectorCatalog<C> of(CollectorSpec<C>... specs) {
    CollectorCatalog<C> catalog = new CollectorCatalog<>();
    for (CollectorSpec<C> spec : specs) {
      catalog.add(spec);
    }
    return catalog;
  }

  public CollectorCatalog<C> add(CollectorSpec<C> spec) {
    if (specs.putIfAbsent(spec.name(), spec) != null) {
      throw new IllegalArgumentException("collector '" + spec.name() + "' registered twice");
    }
    return this;
  }

  public Optional<CollectorSpec<C>> get(String name) {
    return Optional.ofNullable(specs.get(name));
  }

  public List<CollectorSpec<C>> all() {
    return new ArrayList<>(specs.values());
  }

  public List<String> names() {
    return new ArrayList<>(specs.keySet());
  }
}
