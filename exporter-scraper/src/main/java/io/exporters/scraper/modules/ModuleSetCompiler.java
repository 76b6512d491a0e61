package io.exporters.scraper.modules;

import io.exporters.common.config.ConfigException;
import io.exporters.scraper.config.DefaultModules;
import io.exporters.scraper.config.ModuleConfig;
import io.exporters.scraper.config.ProbeSettings;
import io.exporters.scraper.config.StaticTarget;
import io.exporters.scraper.http.BodyBudget;
import io.exporters.scraper.net.TargetUrls;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Compiles one load's modules (the built-in ones under the file's), static targets and limits
 * into a {@link ModuleSet}. Every error names the key and where it came from (the file, an
 * environment variable), so start-up and reloads stop with a message a user can act on.
 */
public final class ModuleSetCompiler {
  private static final int MAX_CONCURRENCY = 256;

  private ModuleSetCompiler() {}

  /** {@code sourceOf} names where the value at a dotted key came from. */
  public static ModuleSet compile(Map<String, ModuleConfig> given, List<StaticTarget> targets,
      ProbeSettings settings, Function<String, String> sourceOf) throws ConfigException {
    check(settings, sourceOf);
    Map<String, ModuleConfig> configs = new LinkedHashMap<>(DefaultModules.all());
    if (given != null) {
      configs.putAll(given);
    }
    Map<String, Module> modules = new LinkedHashMap<>();
    for (Map.Entry<String, ModuleConfig> e : configs.entrySet()) {
      String key = "modules." + e.getKey();
      if (e.getValue() == null) {
        throw new ConfigException(sourceOf.apply(key) + ": key '" + key + "': empty module");
      }
      try {
        modules.put(e.getKey(), ModuleCompiler.compile(e.getKey(), e.getValue(), settings));
      } catch (KeyError err) {
        String full = key + "." + err.key();
        throw new ConfigException(sourceOf.apply(full) + ": key '" + full + "': "
            + err.getMessage());
      } catch (RuntimeException bad) {
        // An empty list entry or map value that no check expected still names its module.
        throw new ConfigException(sourceOf.apply(key) + ": key '" + key + "': invalid ("
            + (bad instanceof NullPointerException ? "an empty value"
                : bad.getClass().getSimpleName()) + ")");
      }
    }
    List<StaticProbe> probes = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; targets != null && i < targets.size(); i++) {
      String key = "targets[" + i + "]";
      StaticProbe probe = staticProbe(targets.get(i), modules, key, sourceOf);
      if (!seen.add(probe.label() + "\n" + probe.module().name())) {
        throw new ConfigException(sourceOf.apply("targets") + ": key '" + key + "': "
            + probe.label() + " with module " + probe.module().name() + " is listed twice");
      }
      probes.add(probe);
    }
    return new ModuleSet(modules, probes, settings,
        new BodyBudget(settings.bufferedBytes().bytes()));
  }

  private static StaticProbe staticProbe(StaticTarget t, Map<String, Module> modules,
      String key, Function<String, String> sourceOf) throws ConfigException {
    String where = sourceOf.apply("targets") + ": key '" + key;
    if (t == null || t.target() == null || t.target().isBlank()) {
      throw new ConfigException(where + ".target': missing");
    }
    String moduleName = t.module() == null ? ModuleSet.DEFAULT_MODULE : t.module();
    Module module = modules.get(moduleName);
    if (module == null) {
      throw new ConfigException(where + ".module': unknown module '" + moduleName
          + "' (known: " + String.join(", ", new java.util.TreeSet<>(modules.keySet())) + ")");
    }
    if (!module.prober().supported()) {
      throw new ConfigException(where + ".module': module " + moduleName + " uses prober "
          + module.prober().label() + ", which exporter-scraper does not implement");
    }
    String target = t.target().trim();
    try {
      if (module.prober() == Prober.HTTP) {
        TargetUrls.http(target);
      } else {
        TargetUrls.hostPort(target);
      }
      ProbeTargetChecks.hostname(t.hostname());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(where + "': " + e.getMessage());
    }
    return new StaticProbe(target, TargetUrls.withoutUserInfo(target), module, t.hostname());
  }

  private static void check(ProbeSettings s, Function<String, String> sourceOf)
      throws ConfigException {
    if (s.concurrency() < 1 || s.concurrency() > MAX_CONCURRENCY) {
      throw new ConfigException(sourceOf.apply("probes.concurrency")
          + ": key 'probes.concurrency': must be between 1 and " + MAX_CONCURRENCY);
    }
    if (s.historyLimit() < 0 || s.historyLimit() > 10_000) {
      throw new ConfigException(sourceOf.apply("probes.history_limit")
          + ": key 'probes.history_limit': must be between 0 and 10000");
    }
    if (s.bufferedBytes().bytes() < 64 * 1024) {
      throw new ConfigException(sourceOf.apply("probes.buffered_bytes")
          + ": key 'probes.buffered_bytes': must be at least 64KiB");
    }
    if (s.bodySizeLimit().bytes() < 1) {
      throw new ConfigException(sourceOf.apply("probes.body_size_limit")
          + ": key 'probes.body_size_limit': must be at least 1 byte");
    }
  }
}
