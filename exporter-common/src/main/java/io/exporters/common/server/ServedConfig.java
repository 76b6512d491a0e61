package io.exporters.common.server;

import io.exporters.common.backend.Target;
import io.exporters.common.config.AuthModule;
import io.exporters.common.config.TargetNotAllowedException;
import io.exporters.common.scrape.ScrapePlan;
import io.exporters.common.scrape.ScrapeTimeouts;
import io.exporters.common.webconfig.WebConfig;
import java.util.List;
import java.util.Map;

/**
 * What the HTTP side needs from the configuration in force, taken once per request so that a
 * request sees one configuration generation from start to end.
 */
public interface ServedConfig<C> {
  ScrapePlan<C> plan();

  /** What /metrics scrapes; empty serves only the exporter's own metrics. */
  List<Target> defaultTargets();

  /** The label that tells several default targets apart, e.g. {@code server="host:port"}. */
  Map.Entry<String, String> targetLabel(Target target);

  ScrapeTimeouts timeouts();

  /**
   * The target of a {@code /probe} request; an {@link IllegalArgumentException} (unknown module,
   * malformed target) is answered 400 with its message, a {@link TargetNotAllowedException}
   * 403.
   */
  Target probeTarget(ProbeRequest request);

  /**
   * Whether a {@code /probe} answer carries {@code <ns>_up} and {@code <ns>_scrape_collector_*}
   * (blackbox's answer does not: those stay on {@code /metrics}).
   */
  boolean probeShowsScrapeFamilies();

  /** The prefix of {@code <ns>_up} and {@code <ns>_scrape_collector_*}. */
  String namespace();

  /** The exporter's own pages, by path; the paths are those the first generation had. */
  Map<String, Endpoint> endpoints();

  /** The config's {@code auth_modules}, by name. */
  Map<String, AuthModule> authModules();

  /** The effective configuration as YAML, secrets shown as {@code <secret>}. */
  String effectiveYaml();

  /** Headers, basic auth users and rate limit in force (the web config file is watched). */
  WebConfig webConfig();
}
