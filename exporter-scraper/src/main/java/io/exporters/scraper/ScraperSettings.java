package io.exporters.scraper;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.exporters.scraper.config.ModuleConfig;
import io.exporters.scraper.config.ProbeSettings;
import io.exporters.scraper.config.StaticTarget;
import io.exporters.scraper.modules.ModuleSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scraper's own keys: blackbox's {@code modules}, the {@code targets} /metrics probes
 * (SCRAPER_TARGETS), and {@code probes} limits. {@code compiled} is what one load made of them
 * (checked modules, TLS contexts, regexes): built once by the resolver, never read from YAML.
 */
public record ScraperSettings(
    Map<String, ModuleConfig> modules,
    List<StaticTarget> targets,
    ProbeSettings probes,
    @JsonIgnore ModuleSet compiled) {

  public ScraperSettings {
    modules = modules == null ? Map.of() : new LinkedHashMap<>(modules);
    targets = targets == null ? List.of() : List.copyOf(targets);
    probes = probes == null ? ProbeSettings.defaults() : probes;
  }

  ScraperSettings withCompiled(ModuleSet set) {
    return new ScraperSettings(modules, targets, probes, set);
  }
}
