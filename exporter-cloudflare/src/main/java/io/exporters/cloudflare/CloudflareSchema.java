package io.exporters.cloudflare;

import io.exporters.cloudflare.dataset.Sources;
import io.exporters.cloudflare.settings.CloudflareSettings;
import io.exporters.common.collector.CollectorCatalog;
import io.exporters.common.config.ConfigException;
import io.exporters.common.config.ConfigSchema;
import io.exporters.common.config.ConfigTree;
import io.exporters.common.config.EnvSpec;
import io.exporters.common.config.FlagSpec;
import io.exporters.common.config.GoDuration;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * lablabs/cloudflare-exporter's configuration: its environment variables and flags (CF_ZONES,
 * SCRAPE_DELAY as 300, 300s or 5m, LISTEN...), the API base URL (CF_API_BASE_URL, with
 * CF_API_URL as an alias, and --cloudflare.api-url), and the checks of one load: every bad
 * value stops start-up naming its key and where it came from.
 */
final class CloudflareSchema {
  private CloudflareSchema() {}

  static ConfigSchema<CloudflareSettings> of(CollectorCatalog<?> collectors) {
    return ConfigSchema.builder(CloudflareSettings.class, 9199, collectors)
        .envPrefix("CF_EXPORTER_")
        .defaultConfigFile(Path.of("cloudflare_exporter.yml"))
        .flags(flags())
        .env(EnvSpec.secret("CF_API_TOKEN", "api_token"),
            EnvSpec.secret("CF_API_KEY", "api_key"),
            EnvSpec.string("CF_API_EMAIL", "api_email"),
            // Later wins: CF_API_BASE_URL over the older CF_API_URL.
            EnvSpec.string("CF_API_URL", "api_url"),
            EnvSpec.string("CF_API_BASE_URL", "api_url"))
        .resolver(CloudflareSchema::check)
        .build();
  }

  private static FlagSpec[] flags() {
    return new FlagSpec[] {
        FlagSpec.string("cloudflare.api-url", "api_url", "Cloudflare API base URL; every REST "
            + "and GraphQL call goes under it (default " + CloudflareSettings.DEFAULT_API_URL
            + ")."),
        FlagSpec.string("cf_api_email", "api_email", "Email of the global API key's account."),
        FlagSpec.list("cf_zones", "zones", "Zone ids or names to poll (default: all).",
            "CF_ZONES"),
        FlagSpec.list("cf_exclude_zones", "exclude_zones", "Zone ids or names not to poll.",
            "CF_EXCLUDE_ZONES"),
        FlagSpec.list("cf_accounts", "accounts", "Account ids to poll (default: all the token "
            + "may list; needed for account-scoped tokens).", "CF_ACCOUNTS"),
        FlagSpec.string("scrape_delay", "scrape_delay", "How old a minute must be before it is "
            + "read: 300, 300s or 5m (default 5m).", "SCRAPE_DELAY"),
        FlagSpec.string("scrape_interval", "scrape_interval", "Time between polls (default 1m).",
            "SCRAPE_INTERVAL"),
        FlagSpec.string("cf_timeout", "timeout", "Deadline of each API call (default 10s).",
            "CF_TIMEOUT"),
        FlagSpec.list("metrics_denylist", "metrics_denylist", "Metric families not to export; "
            + "a source whose families are all listed is not asked at all.", "METRICS_DENYLIST"),
        FlagSpec.bool("free_tier", "free_tier", "Ask only for what the Free plan has, without "
            + "probing.", "FREE_TIER"),
        FlagSpec.string("listen", "web.listen_address", "Listen address (lablabs' name for "
            + "--web.listen-address).", "LISTEN"),
        FlagSpec.string("metrics_path", "web.telemetry_path", "Metrics path.", "METRICS_PATH"),
        FlagSpec.bool("enable_edge_errors_by_path", "collectors.edge_errors_by_path.enabled",
            "Export cloudflare_zone_edge_errors_by_path.", "ENABLE_EDGE_ERRORS_BY_PATH"),
        FlagSpec.bool("cloudflare.labels.host", "labels.host", "Query and label by host."),
        FlagSpec.bool("cloudflare.labels.country", "labels.country",
            "Query and label by country."),
        FlagSpec.bool("cloudflare.labels.colocation", "labels.colocation",
            "Query and label by data centre."),
        FlagSpec.bool("cloudflare.labels.path", "labels.path", "Query and label by path."),
        FlagSpec.string("cloudflare.top-n", "top_n", "Series per breakdown, family and zone "
            + "(more are counted as \"other\"); 0: no limit (default 100)."),
        FlagSpec.string("cloudflare.series-ttl", "series_ttl",
            "Series not updated for this long are dropped (default 1h)."),
        FlagSpec.string("cloudflare.max-catch-up", "max_catch_up",
            "Missed minutes older than this are not read any more (default 1h)."),
        FlagSpec.string("cloudflare.inventory-ttl", "inventory_ttl",
            "How long the zone and account lists are kept (default 10m)."),
        FlagSpec.string("cloudflare.graphql-budget", "graphql_budget",
            "GraphQL queries allowed in any 5 minutes, at most 300 (default 250)."),
        FlagSpec.string("cloudflare.rest-budget", "rest_budget",
            "REST requests allowed in any 5 minutes, at most 1200 (default 1000)."),
    };
  }

  static CloudflareSettings check(CloudflareSettings s, ConfigTree tree) throws ConfigException {
    boolean token = s.apiToken() != null && !s.apiToken().isEmpty();
    boolean key = s.apiKey() != null && !s.apiKey().isEmpty();
    if (!token && key && (s.apiEmail() == null || s.apiEmail().isBlank())) {
      throw error(tree, "api_key", "a global API key needs api_email (CF_API_EMAIL), the "
          + "email of its account; or use an API token (CF_API_TOKEN)");
    }
    HttpUrl url = HttpUrl.parse(s.baseUrl());
    if (url == null) {
      throw error(tree, "api_url", "expected an http(s) URL such as "
          + CloudflareSettings.DEFAULT_API_URL);
    }
    between(tree, "scrape_delay", s.scrapeDelay(), Duration.ZERO, Duration.ofHours(1));
    between(tree, "scrape_interval", s.scrapeInterval(), Duration.ofSeconds(1),
        Duration.ofHours(1));
    between(tree, "timeout", s.timeout(), Duration.ofMillis(100), Duration.ofMinutes(5));
    between(tree, "series_ttl", s.seriesTtl(), Duration.ofMinutes(1), Duration.ofDays(7));
    between(tree, "max_catch_up", s.maxCatchUp(), Duration.ofMinutes(1), Duration.ofDays(1));
    between(tree, "inventory_ttl", s.inventoryTtl(), Duration.ZERO, Duration.ofDays(1));
    between(tree, "top_n", s.topN(), 0, 100_000);
    between(tree, "graphql_budget", s.graphqlBudget(), 1, CloudflareSettings.GRAPHQL_QUOTA);
    between(tree, "rest_budget", s.restBudget(), 1, CloudflareSettings.REST_QUOTA);
    between(tree, "zones_per_query", s.zonesPerQuery(), 1,
        CloudflareSettings.MAX_ZONES_PER_QUERY);
    between(tree, "row_limit", s.rowLimit(), 1, CloudflareSettings.MAX_ROWS);
    Set<String> known = Sources.families().keySet();
    List<String> unknown = new ArrayList<>();
    for (String name : s.metricsDenylist()) {
      if (!known.contains(name)) {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      throw error(tree, "metrics_denylist", "unknown metric " + String.join(", ", unknown)
          + " (known: " + String.join(", ", known) + ")");
    }
    return s;
  }

  private static void between(ConfigTree tree, String key, Duration d, Duration min,
      Duration max) throws ConfigException {
    if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
      throw error(tree, key, "must be between " + words(min) + " and " + words(max));
    }
  }

  private static void between(ConfigTree tree, String key, int n, int min, int max)
      throws ConfigException {
    if (n < min || n > max) {
      throw error(tree, key, "must be between " + min + " and " + max + ", got " + n);
    }
  }

  private static String words(Duration d) {
    return GoDuration.format(d);
  }

  private static ConfigException error(ConfigTree tree, String key, String message) {
    return new ConfigException(tree.sourceOf(key) + ": key '" + key + "': " + message);
  }
}
