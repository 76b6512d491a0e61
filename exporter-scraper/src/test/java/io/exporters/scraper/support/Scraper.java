package io.exporters.scraper.support;

import io.exporters.common.config.ConfigException;
import io.exporters.scraper.ScraperExporter;
import io.exporters.testkit.InProcessExporter;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Starts the scraper in this JVM with a config file written from YAML text, and probes. */
public final class Scraper {
  private Scraper() {}

  public static InProcessExporter start(Path dir, String yaml) throws IOException,
      ConfigException {
    return start(dir, yaml, Map.of());
  }

  public static InProcessExporter start(Path dir, String yaml, Map<String, String> env)
      throws IOException, ConfigException {
    Path file = Files.writeString(dir.resolve("scraper-" + System.nanoTime() + ".yml"), yaml);
    return InProcessExporter.start(new ScraperExporter(), List.of("--config.file=" + file),
        env);
  }

  /** The /probe path for a target and module, parameters URL-encoded. */
  public static String probe(String target, String module, String... params) {
    StringBuilder q = new StringBuilder("/probe?target=")
        .append(URLEncoder.encode(target, StandardCharsets.UTF_8));
    if (module != null) {
      q.append("&module=").append(URLEncoder.encode(module, StandardCharsets.UTF_8));
    }
    for (int i = 0; i + 1 < params.length; i += 2) {
      q.append('&').append(params[i]).append('=')
          .append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
    }
    return q.toString();
  }
}
