package io.exporters.redis;

import io.exporters.common.config.ConfigException;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starting the exporter in the test's JVM and scraping one target through /scrape. */
public final class Scrapes {
  private Scrapes() {}

  /** The exporter with these flags and no default target. */
  public static InProcessExporter exporter(String... args) throws ConfigException {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--redis.addr=");
    return InProcessExporter.start(new RedisExporter(), all, Map.of());
  }

  /** {@code /scrape?target=...} with a deadline of {@code seconds}; must answer 200. */
  public static Exposition scrape(InProcessExporter e, String target, int seconds,
      String... extraParams) throws IOException {
    InProcessExporter.Response r = get(e, target, seconds, extraParams);
    if (r.status() != 200) {
      throw new AssertionError("/scrape answered " + r.status() + ": " + r.text());
    }
    return r.exposition();
  }

  public static InProcessExporter.Response get(InProcessExporter e, String target, int seconds,
      String... extraParams) throws IOException {
    StringBuilder path = new StringBuilder("/scrape?target=")
        .append(URLEncoder.encode(target, StandardCharsets.UTF_8));
    for (int i = 0; i + 1 < extraParams.length; i += 2) {
      path.append('&').append(extraParams[i]).append('=')
          .append(URLEncoder.encode(extraParams[i + 1], StandardCharsets.UTF_8));
    }
    return e.get(path.toString(), "X-Prometheus-Scrape-Timeout-Seconds",
        Integer.toString(seconds));
  }
}
