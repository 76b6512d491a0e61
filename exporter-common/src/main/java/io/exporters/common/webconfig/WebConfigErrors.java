package io.exporters.common.webconfig;

import io.exporters.common.config.ConfigException;
import io.exporters.common.secret.SecretMasker;
import java.nio.file.Path;

/** Builds the {@link ConfigException}s of one web config file, all naming the file first. */
final class WebConfigErrors {
  private final Path file;

  WebConfigErrors(Path file) {
    this.file = file;
  }

  Path file() {
    return file;
  }

  ConfigException problem(String message) {
    return new ConfigException(SecretMasker.mask("web config file " + file + ": " + message));
  }

  ConfigException atKey(String key, String message) {
    return problem("key '" + key + "': " + message);
  }
}
