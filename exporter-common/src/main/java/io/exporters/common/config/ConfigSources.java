package io.exporters.common.config;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.exporters.common.secret.SecretMasker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lays the sources of one load over each other, later winning: the YAML file, then environment
 * variables (flag twins, then the exporter's own), then flags, then the exporter's tree hook.
 * Each key remembers where it came from. Secrets read here are registered for masking.
 */
final class ConfigSources {
  private ConfigSources() {}

  static ConfigTree merge(ConfigSchema<?> schema, List<FlagSpec> flags, CommandLine.Parsed args,
      Map<String, String> env) throws ConfigException {
    Path file = null;
    if (args.configFile() != null) {
      file = Path.of(args.configFile());
    } else if (schema.defaultConfigFile() != null && Files.exists(schema.defaultConfigFile())) {
      file = schema.defaultConfigFile();
    }
    ConfigTree tree = file == null
        ? new ConfigTree(JsonNodeFactory.instance.objectNode(), "defaults", null)
        : new ConfigTree(YamlBinding.read(file, "config file"), "config file " + file, file);
    for (FlagSpec f : flags) {
      for (String name : f.envNames()) {
        String value = env.get(name);
        if (value != null && !value.isEmpty()) {
          tree.set(f.path(), value, f.kind(), "environment variable " + name);
        }
      }
    }
    for (EnvSpec e : schema.env()) {
      Optional<String> value = envValue(e, env);
      if (value.isPresent()) {
        String origin = e.secret() && env.get(e.name() + "_FILE") != null
            ? "file in environment variable " + e.name() + "_FILE"
            : "environment variable " + e.name();
        tree.set(e.path(), value.get(), e.kind(), origin);
      }
    }
    for (CommandLine.FlagValue fv : args.values()) {
      tree.set(fv.path(), fv.value(), fv.kind(), "flag " + fv.flag());
    }
    schema.treeHook().apply(env, tree);
    return tree;
  }

  private static Optional<String> envValue(EnvSpec spec, Map<String, String> env)
      throws ConfigException {
    if (spec.secret()) {
      String fileName = env.get(spec.name() + "_FILE");
      if (fileName != null && !fileName.isEmpty()) {
        try {
          String content = Files.readString(Path.of(fileName), StandardCharsets.UTF_8).strip();
          SecretMasker.register(content);
          return Optional.of(content);
        } catch (IOException e) {
          throw new ConfigException("environment variable " + spec.name() + "_FILE: cannot read "
              + fileName + ": " + YamlBinding.ioReason(e));
        }
      }
    }
    String value = env.get(spec.name());
    if (value != null && spec.secret()) {
      SecretMasker.register(value);
    }
    return Optional.ofNullable(value).filter(v -> !v.isEmpty());
  }
}
