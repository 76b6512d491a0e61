package io.exporters.scraper.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The modules every configuration has unless it defines one of the same name: blackbox's
 * {@code http_2xx} and {@code tcp_connect}, and {@code health} (an http probe that also reads
 * the answer as a health endpoint's, any format, and fails when it reports itself unhealthy).
 * The shipped example file (scraper.yml) says the same, with a JSON example commented out.
 */
public final class DefaultModules {
  private DefaultModules() {}

  public static Map<String, ModuleConfig> all() {
    Map<String, ModuleConfig> out = new LinkedHashMap<>();
    out.put("http_2xx", module("http", null));
    out.put("tcp_connect", module("tcp", null));
    out.put("health", module("http", new HealthConfig("auto", true, null)));
    return out;
  }

  private static ModuleConfig module(String prober, HealthConfig health) {
    return new ModuleConfig(prober, null, null, null, null, null, health, null, null, null, null);
  }
}
