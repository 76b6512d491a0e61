package io.exporters.cloudflare.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import io.exporters.cloudflare.inventory.Scope;
import io.exporters.cloudflare.store.StoreUpdate;
import java.time.Duration;

/**
 * A GraphQL Analytics dataset read in windows: the node(s) it adds under a zone or account
 * block of a query, and how its rows become series. Aliases are the dataset's name (or
 * {@code <name>__<part>} for a second node), so an error's path names the dataset.
 */
public interface GraphQlDataset extends Source {
  /** Separates a dataset's name from the part of a second node in an alias. */
  String PART = "__";

  Scope.Kind scope();

  /** The GraphQL node it reads (for messages and the README). */
  String node();

  /** Whether Cloudflare's Free plan has it; FREE_TIER=true asks for no other dataset. */
  boolean onFreePlan();

  /** Whether a variant without paid-plan fields exists (asked once a zone lacks those). */
  default boolean hasBasicVariant() {
    return false;
  }

  /** Whether a window's answer replaces the scope's series (gauges) rather than adding. */
  default boolean windowed() {
    return true;
  }

  @Override
  default String freshness(Duration delay) {
    if (!windowed()) {
      return " (today, UTC, as of the latest poll)";
    }
    return " (from one-minute windows ending " + delay.toSeconds() + " s (scrape_delay) before "
        + "each poll: see cloudflare_exporter_last_window_end_timestamp_seconds{dataset=\""
        + name() + "\"})";
  }

  /** The aliased node(s), to be placed inside {@code zones(...) { }} or {@code accounts}. */
  String selection(NodeContext q);

  /** Adds what the scope's element of the answer holds for this dataset to {@code out}. */
  void parse(JsonNode scopeNode, Scope scope, ParseContext ctx, StoreUpdate out);
}
