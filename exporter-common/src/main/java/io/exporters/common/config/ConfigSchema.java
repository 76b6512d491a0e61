package io.exporters.common.config;

import io.exporters.common.collector.CollectorCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the loader must know about one exporter's configuration: its own top-level keys
 * ({@code settingsClass}, bound strictly), flags, environment variables (with the anchor's names),
 * collectors, and hooks for what plain binding cannot express. Made with {@link #builder}.
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
    Resolver<X> resolver,
    ExtraCollectors<X> extraCollectors) {

  public ConfigSchema {
    flags = List.copyOf(flags);
    env = List.copyOf(env);
  }

  public static <X> Builder<X> builder(Class<X> settingsClass, int defaultPort,
      CollectorCatalog<?> collectors) {
    return new Builder<>(settingsClass, defaultPort, collectors);
  }

  /**
   * What a plain key mapping can't express, run once file, environment and flags are in the tree:
   * keys derived from several sources (a DSN assembled from parts) or legacy spellings rewritten.
   */
  @FunctionalInterface
  public interface TreeHook {
    void apply(Map<String, String> env, ConfigTree tree) throws ConfigException;
  }

  /**
   * Checks the bound settings and completes them: reads the files they name (once per load) and
   * returns the settings the generation is built from. Use {@code tree.sourceOf(key)} to name
   * where a bad value came from.
   */
  @FunctionalInterface
  public interface Resolver<X> {
    X resolve(X settings, ConfigTree tree) throws ConfigException;
  }

  /** Names of collectors the settings define (user queries), known beside the catalog's. */
  @FunctionalInterface
  public interface ExtraCollectors<X> {
    Set<String> names(X settings);
  }

  /** Builds a schema; only the settings class, the default port and the catalog are required. */
  public static final class Builder<X> {
    private final Class<X> settingsClass;
    private final int defaultPort;
    private final CollectorCatalog<?> collectors;
    private String envPrefix;
    private Path defaultConfigFile;
    private List<FlagSpec> flags = List.of();
    private List<EnvSpec> env = List.of();
    private TreeHook treeHook = (e, t) -> { };
    private Resolver<X> resolver = (s, t) -> s;
    private ExtraCollectors<X> extraCollectors = s -> Set.of();

    private Builder(Class<X> settingsClass, int defaultPort, CollectorCatalog<?> collectors) {
      this.settingsClass = settingsClass;
      this.defaultPort = defaultPort;
      this.collectors = collectors;
    }

    /** Every flag also reads {@code <prefix><FLAG_NAME>} from the environment. */
    public Builder<X> envPrefix(String prefix) {
      this.envPrefix = prefix;
      return this;
    }

    /** Read when it exists and no --config.file is given. */
    public Builder<X> defaultConfigFile(Path file) {
      this.defaultConfigFile = file;
      return this;
    }

    public Builder<X> flags(FlagSpec... flags) {
      this.flags = List.of(flags);
      return this;
    }

    public Builder<X> env(EnvSpec... env) {
      this.env = List.of(env);
      return this;
    }

    public Builder<X> treeHook(TreeHook hook) {
      this.treeHook = hook;
      return this;
    }

    public Builder<X> resolver(Resolver<X> resolver) {
      this.resolver = resolver;
      return this;
    }

    /** A resolver that only checks, returning the settings as they are. */
    public Builder<X> validator(Checker<X> checker) {
      this.resolver = (s, t) -> {
        checker.check(s, t);
        return s;
      };
      return this;
    }

    public Builder<X> extraCollectors(ExtraCollectors<X> extra) {
      this.extraCollectors = extra;
      return this;
    }

    public ConfigSchema<X> build() {
      return new ConfigSchema<>(settingsClass, defaultPort, envPrefix, defaultConfigFile, flags,
          env, treeHook, collectors, resolver, extraCollectors);
    }
  }

  /** Checks on the bound settings that change nothing. */
  @FunctionalInterface
  public interface Checker<X> {
    void check(X settings, ConfigTree tree) throws ConfigException;
  }
}
