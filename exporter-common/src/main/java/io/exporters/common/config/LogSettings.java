package io.exporters.common.config;

/**
 * {@code log:} level (debug, info, warn, error), format (logfmt, json), and the HTTP server's own
 * level ({@code server_level}, warn when unset, whatever the main level).
 */
public record LogSettings(String level, String format, String serverLevel) {
  public LogSettings {
    level = level == null || level.isBlank() ? "info" : level;
    format = format == null || format.isBlank() ? "logfmt" : format;
  }

  public String levelOrDefault() {
    return level == null || level.isBlank() ? "info" : level;
  }

  public String formatOrDefault() {
    return format == null || format.isBlank() ? "logfmt" : format;
  }
}
