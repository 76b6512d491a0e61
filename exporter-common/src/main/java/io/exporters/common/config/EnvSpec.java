package io.exporters.common.config;

/**
 * An environment variable that sets a config key. A secret one may instead be given as a file
 * named by {@code <NAME>_FILE}, which wins when both are set.
 */
public record EnvSpec(String name, String path, FlagSpec.Kind kind, boolean secret) {
  public static EnvSpec string(String name, String path) {
    return new EnvSpec(name, path, FlagSpec.Kind.STRING, false);
  }

  public static EnvSpec secret(String name, String path) {
    return new EnvSpec(name, path, FlagSpec.Kind.STRING, true);
  }

  public static EnvSpec list(String name, String path) {
    return new EnvSpec(name, path, FlagSpec.Kind.LIST, false);
  }
}
