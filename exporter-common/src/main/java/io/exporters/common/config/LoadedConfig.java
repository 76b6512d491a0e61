package io.exporters.common.config;

import java.nio.file.Path;

/**
 * A validated configuration: the core's part and the exporter's own settings, with the file it
 * came from and the merged tree (which remembers where each key came from).
 */
public record LoadedConfig<X>(CommonConfig common, X settings, Path file, ConfigTree tree) {

  /** The effective configuration as YAML, secrets shown as {@code <secret>}. */
  public String effectiveYaml() {
    return Redaction.yaml(common, settings);
  }
}
