package io.exporters.scraper.modules;

import io.exporters.scraper.config.ModuleConfig;
import io.exporters.scraper.health.HealthCheck;
import io.exporters.scraper.http.HttpModule;
import io.exporters.scraper.json.JsonExtraction;
import io.exporters.scraper.tcp.TcpModule;
import java.time.Duration;
import java.util.List;

/**
 * A module ready to probe with: its prober's compiled settings (http or tcp), the timeout that
 * caps the scrape deadline (null: none), retries, and for http the body analysers (health,
 * JSON; null when absent). {@code config} is what the user wrote; {@code configLines} the same
 * as YAML, secrets hidden, for debug output (rendered once per load, not per probe).
 */
public record Module(
    String name,
    Prober prober,
    Duration timeout,
    int retries,
    HttpModule http,
    TcpModule tcp,
    HealthCheck health,
    JsonExtraction json,
    ModuleConfig config,
    List<String> configLines) {

  public Module {
    configLines = List.copyOf(configLines);
  }

  /** Whether the probe must keep the body for the analysers. */
  public boolean analysesBody() {
    return health != null || json != null;
  }
}
