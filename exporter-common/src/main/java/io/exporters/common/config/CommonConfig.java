package io.exporters.common.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The keys every exporter's config file shares. Each exporter adds its own top-level keys in a
 * settings class of its own; anything else is an unknown key and stops start-up.
 */
public record CommonConfig(
    WebSettings web,
    ScrapeSettings scrape,
    Map<String, CollectorConfig> collectors,
    LogSettings log,
    Map<String, AuthModule> authModules) {

  /** Top-level YAML keys owned by the core. */
  public static final java.util.Set<String> KEYS =
      java.util.Set.of("web", "scrape", "collectors", "log", "auth_modules");

  public CommonConfig {
    web = web == null ? new WebSettings(null, null, null) : web;
    scrape = scrape == null ? ScrapeSettings.defaults() : scrape.withDefaults();
    collectors = collectors == null ? Map.of() : new LinkedHashMap<>(collectors);
    log = log == null ? new LogSettings(null, null, null) : log;
    authModules = authModules == null ? Map.of() : new LinkedHashMap<>(authModules);
  }
}
