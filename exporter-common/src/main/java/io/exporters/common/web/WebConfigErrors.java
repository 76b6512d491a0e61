package io.exporters.common.web;

import io.exporters.common.config.ConfigException;
import io.exporters.common.log.SecretMasker;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
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

  /** Why a read failed, without the stack of wrapping Java adds. */
  static String ioReason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
