package io.exporters.scraper.modules;

import io.exporters.scraper.config.ProbeSettings;
import io.exporters.scraper.http.BodyBudget;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Everything one configuration load compiles for probing: the modules by name (built-in ones
 * plus the file's, the file's winning), the static targets, the prober-wide limits and the
 * memory set aside for bodies.
 */
public record ModuleSet(Map<String, Module> modules, List<StaticProbe> staticProbes,
    ProbeSettings settings, BodyBudget budget) {

  public ModuleSet {
    modules = Map.copyOf(modules);
    staticProbes = List.copyOf(staticProbes);
  }

  public Optional<Module> module(String name) {
    return Optional.ofNullable(modules.get(name));
  }

  /** The module a /probe without module= uses, as blackbox's. */
  public static final String DEFAULT_MODULE = "http_2xx";

  public String names() {
    return String.join(", ", new TreeSet<>(modules.keySet()));
  }
}
