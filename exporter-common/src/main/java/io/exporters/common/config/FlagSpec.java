package io.exporters.common.config;

import java.util.List;

/**
 * A command-line flag and where its value goes in the config tree ({@code path}, dotted YAML keys).
 * {@code envNames} are environment variables that set the same key with lower precedence.
 */
public record FlagSpec(String name, String path, Kind kind, List<String> envNames, String help) {
  public enum Kind {
    STRING,
    /** {@code --name}, {@code --no-name}, {@code --name=false}. */
    BOOL,
    /** Comma-separated, or the flag repeated. */
    LIST
  }

  public FlagSpec {
    envNames = List.copyOf(envNames == null ? List.of() : envNames);
  }

  public static FlagSpec string(String name, String path, String help, String... env) {
    return new FlagSpec(name, path, Kind.STRING, List.of(env), help);
  }

  public static FlagSpec bool(String name, String path, String help, String... env) {
    return new FlagSpec(name, path, Kind.BOOL, List.of(env), help);
  }

  public static FlagSpec list(String name, String path, String help, String... env) {
    return new FlagSpec(name, path, Kind.LIST, List.of(env), help);
  }

  /** The same flag, with its environment twin named as the Go exporters name it. */
  public FlagSpec withEnvPrefix(String prefix) {
    if (prefix == null || !envNames.isEmpty()) {
      return this;
    }
    String env = prefix + name.toUpperCase().replace('.', '_').replace('-', '_');
    return new FlagSpec(name, path, kind, List.of(env), help);
  }
}
