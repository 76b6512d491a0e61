package io.exporters.common.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Version and git revision, filtered into each exporter's {@code exporter.properties} at build. */
public record BuildInfo(String version, String revision) {
  public static BuildInfo load(Class<?> anchor) {
    Properties p = new Properties();
    try (InputStream in = anchor.getResourceAsStream("/exporter.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException ignored) {
      // Falls through to "unknown": build info must never stop an exporter from starting.
    }
    return new BuildInfo(clean(p.getProperty("version")), clean(p.getProperty("revision")));
  }

  private static String clean(String value) {
    return value == null || value.isBlank() || value.startsWith("${") ? "unknown" : value.trim();
  }
}
