package io.exporters.cloudflare.dataset;

import io.exporters.cloudflare.store.FamilySpec;
import java.time.Duration;
import java.util.List;

/**
 * Something the poller reads from Cloudflare and the families it fills: a GraphQL dataset or a
 * REST listing. Its name is also its collector's name and the {@code dataset} label of the
 * exporter's own metrics.
 */
public interface Source {
  String name();

  /** One line for --help: what it exports, from which dataset or call. */
  String description();

  List<FamilySpec> families();

  /** The API token permission it needs, as Cloudflare's dashboard names it. */
  String permission();

  /** What its families' HELP adds: how old the data is, given SCRAPE_DELAY. */
  default String freshness(Duration delay) {
    return " (REST state as of the latest poll)";
  }

  default boolean enabledByDefault() {
    return true;
  }
}
