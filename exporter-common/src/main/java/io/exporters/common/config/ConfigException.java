package io.exporters.common.config;

/**
 * A configuration problem found at start-up or reload. The message always names where the bad value
 * came from (a file and key, a flag, or an environment variable), so it can be shown as-is.
 */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
