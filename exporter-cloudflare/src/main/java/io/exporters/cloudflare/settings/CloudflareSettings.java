package io.exporters.cloudflare.settings;

import io.exporters.common.secret.Secret;
import java.time.Duration;
import java.util.List;

/**
 * The Cloudflare exporter's own keys, as lablabs/cloudflare-exporter names them where it has
 * them (CF_ZONES is {@code zones}, SCRAPE_DELAY is {@code scrape_delay}...), with defaults
 * filled in. Bound strictly from the YAML file, the environment and flags.
 */
public record CloudflareSettings(
    Secret apiToken,
    Secret apiKey,
    String apiEmail,
    String apiUrl,
    List<String> zones,
    List<String> excludeZones,
    List<String> accounts,
    Duration scrapeDelay,
    Duration scrapeInterval,
    Duration timeout,
    List<String> metricsDenylist,
    Boolean freeTier,
    LabelToggles labels,
    Integer topN,
    Duration seriesTtl,
    Duration maxCatchUp,
    Duration inventoryTtl,
    Integer graphqlBudget,
    Integer restBudget,
    Integer zonesPerQuery,
    Integer rowLimit) {
  public static final String DEFAULT_API_URL = "https://api.cloudflare.com/client/v4";
  /** Cloudflare's own GraphQL quota per user: 300 queries in any 5 minutes. */
  public static final int GRAPHQL_QUOTA = 300;
  /** Cloudflare's REST quota per user or token: 1200 requests in any 5 minutes. */
  public static final int REST_QUOTA = 1200;
  /** Cloudflare answers "too many zones requested" beyond 10 zones in one query. */
  public static final int MAX_ZONES_PER_QUERY = 10;
  /** The largest page of rows the analytics datasets return. */
  public static final int MAX_ROWS = 10_000;

  public CloudflareSettings {
    apiUrl = apiUrl == null || apiUrl.isBlank() ? DEFAULT_API_URL : apiUrl.strip();
    zones = zones == null ? List.of() : List.copyOf(zones);
    excludeZones = excludeZones == null ? List.of() : List.copyOf(excludeZones);
    accounts = accounts == null ? List.of() : List.copyOf(accounts);
    scrapeDelay = scrapeDelay == null ? Duration.ofMinutes(5) : scrapeDelay;
    scrapeInterval = scrapeInterval == null ? Duration.ofMinutes(1) : scrapeInterval;
    timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    metricsDenylist = metricsDenylist == null ? List.of() : List.copyOf(metricsDenylist);
    freeTier = freeTier != null && freeTier;
    labels = labels == null ? LabelToggles.all() : labels;
    topN = topN == null ? 100 : topN;
    seriesTtl = seriesTtl == null ? Duration.ofHours(1) : seriesTtl;
    maxCatchUp = maxCatchUp == null ? Duration.ofHours(1) : maxCatchUp;
    inventoryTtl = inventoryTtl == null ? Duration.ofMinutes(10) : inventoryTtl;
    graphqlBudget = graphqlBudget == null ? 250 : graphqlBudget;
    restBudget = restBudget == null ? 1000 : restBudget;
    zonesPerQuery = zonesPerQuery == null ? MAX_ZONES_PER_QUERY : zonesPerQuery;
    rowLimit = rowLimit == null ? MAX_ROWS : rowLimit;
  }

  /** Whether any credentials were given: a token, or a global key (with its email). */
  public boolean hasCredentials() {
    return (apiToken != null && !apiToken.isEmpty()) || (apiKey != null && !apiKey.isEmpty());
  }

  /** The base URL without a trailing slash; every REST and GraphQL call goes under it. */
  public String baseUrl() {
    return apiUrl.replaceAll("/+$", "");
  }
}
