package io.exporters.common.config;

/** {@code log:} level (debug, info, warn, error) and format (logfmt, json). */
public record LogSettings(String level, String format) {
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
