package io.exporters.common.config;

import io.exporters.common.collector.CollectorCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything the loader must know about one exporter's configuration: its own top-level keys
 * ({@code settingsClass}, bound strictly), flags, environment variables (with the anchor's names),
 * collectors, and a hook for checks that span keys.
 */
public record ConfigSchema<X>(
    Class<X> settingsClass,
    int defaultPort,
    String envPrefix,
    Path defaultConfigFile,
    List<FlagSpec> flags,
    List<EnvSpec> env,
    TreeHook treeHook,
    CollectorCatalog<?> collectors,
    Validator<X> validator,
    ExtraCollectors<X> extraCollectors) {

  /** A schema whose collectors are all in the catalog. */
  public ConfigSchema(Class<X> settingsClass, int defaultPort, String envPrefix,
      Path defaultConfigFile, List<FlagSpec> flags, List<EnvSpec> env, TreeHook treeHook,
      CollectorCatalog<?> collectors, Validator<X> validator) {
    this(settingsClass, defaultPort, envPrefix, defaultConfigFile, flags, env, treeHook,
        collectors, validator, null);
  }

  /**
   * Names of collectors that the settings define (e.g. user queries), known to config validation
   * beside the catalog's.
   */
  @FunctionalInterface
  public interface ExtraCollectors<X> {
    java.util.Set<String> names(X settings) throws ConfigException;
  }

  /**
   * What a plain key mapping can't express, run once file, environment and flags are in the tree:
   * keys derived from several sources (a DSN assembled from parts) or legacy spellings rewritten.
   */
  @FunctionalInterface
  public interface TreeHook {
    void apply(Map<String, String> env, ConfigTree tree) throws ConfigException;
  }

  /** Checks on the bound settings; use {@code tree.sourceOf(key)} to name where a value came from. */
  @FunctionalInterface
  public interface Validator<X> {
    void validate(X settings, ConfigTree tree) throws ConfigException;
  }

  public ConfigSchema {
    flags = List.copyOf(flags);
    env = List.copyOf(env);
    treeHook = treeHook == null ? (e, t) -> { } : treeHook;
    validator = validator == null ? (s, t) -> { } : validator;
    extraCollectors = extraCollectors == null ? s -> java.util.Set.of() : extraCollectors;
  }
}
