package io.exporters.cloudflare.poll;

import io.exporters.cloudflare.api.Credentials;
import io.exporters.cloudflare.dataset.Source;
import io.exporters.cloudflare.dataset.Sources;
import io.exporters.cloudflare.inventory.InventoryFilter;
import io.exporters.cloudflare.settings.CloudflareSettings;
import io.exporters.cloudflare.settings.LabelToggles;
import io.exporters.cloudflare.store.FamilySpec;
import io.exporters.common.config.CollectorConfig;
import io.exporters.common.config.LoadedConfig;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * What one poll needs from the configuration in force: where and how to call, which sources
 * to read (collectors switched on, not wholly on the deny-list, in the catalog's order),
 * windows, budgets, cardinality. Taken afresh at every poll, so a reload applies from the next
 * one.
 */
public record PollSettings(HttpUrl baseUrl, Credentials credentials, Duration timeout,
    Duration delay, Duration interval, InventoryFilter filter, Set<String> sources,
    Set<String> denied, boolean freeTier, LabelToggles labels, int topN, Duration seriesTtl,
    Duration maxCatchUp, Duration inventoryTtl, int graphqlBudget, int restBudget,
    int zonesPerQuery, int rowLimit) {

  public static PollSettings of(LoadedConfig<CloudflareSettings> config) {
    CloudflareSettings s = config.settings();
    Set<String> denied = Set.copyOf(s.metricsDenylist());
    Set<String> sources = new LinkedHashSet<>();
    for (Source source : Sources.all()) {
      CollectorConfig c = config.common().collectors().get(source.name());
      boolean on = c != null && c.enabled() != null ? c.enabled() : source.enabledByDefault();
      boolean wanted = false;
      for (FamilySpec f : source.families()) {
        wanted |= !denied.contains(f.name());
      }
      // The deny-list also saves the API calls behind it (lablabs#212).
      if (on && wanted) {
        sources.add(source.name());
      }
    }
    return new PollSettings(HttpUrl.get(s.baseUrl()),
        Credentials.of(s.apiToken(), s.apiKey(), s.apiEmail()), s.timeout(), s.scrapeDelay(),
        s.scrapeInterval(), new InventoryFilter(s.accounts(), Set.copyOf(s.zones()),
            Set.copyOf(s.excludeZones())), Collections.unmodifiableSet(sources), denied,
        s.freeTier(), s.labels(), s.topN(), s.seriesTtl(), s.maxCatchUp(), s.inventoryTtl(),
        s.graphqlBudget(), s.restBudget(), s.zonesPerQuery(), s.rowLimit());
  }

  /** What the inventory is listed for: a change of URL or credentials lists again. */
  Object identity() {
    return List.of(baseUrl, credentials);
  }

  /** GraphQL queries one poll may send: the budget spread evenly over five minutes. */
  int graphqlShare() {
    double polls = Math.max(1, 300.0 / Math.max(1, interval.toSeconds()));
    return (int) Math.ceil(graphqlBudget / polls);
  }
}
