package io.exporters.cloudflare.dataset;

import static io.exporters.cloudflare.store.FamilySpec.counter;
import static io.exporters.cloudflare.store.FamilySpec.gauge;

import com.fasterxml.jackson.databind.JsonNode;
import io.exporters.cloudflare.inventory.Scope;
import io.exporters.cloudflare.store.FamilySpec;
import io.exporters.cloudflare.store.StoreUpdate;
import java.util.List;

/**
 * httpRequestsAdaptiveGroups without cache hits: requests that reached the origin by origin
 * status, country and host, with the origin's response time quantiles (gauges of the latest
 * window). The quantiles are paid-plan fields: a zone without them keeps the counts.
 */
public final class OriginStatusDataset extends ZoneDataset {
  static final String NAME = "origin_status";
  private static final String[] LABELS = {"account", "country", "host", "status", "zone"};
  static final FamilySpec REQUESTS = counter(NAME,
      "cloudflare_zone_requests_origin_status_country_host",
      "Count of not cached requests for zone per origin HTTP status per country per host",
      LABELS);
  static final FamilySpec P50 = quantile("p50", "50th");
  static final FamilySpec P95 = quantile("p95", "95th");
  static final FamilySpec P99 = quantile("p99", "99th");

  private static FamilySpec quantile(String name, String which) {
    return gauge(NAME, "cloudflare_zone_requests_origin_status_country_host_" + name + "_ms",
        which + " percentile of the origin's response time (ms) of not cached requests, per "
            + "origin status, country and host, over the latest window", LABELS);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "requests to the origin by status, country and host, and origin response time "
        + "quantiles (httpRequestsAdaptiveGroups, cache misses)";
  }

  @Override
  public List<FamilySpec> families() {
    return List.of(REQUESTS, P50, P95, P99);
  }

  @Override
  public String node() {
    return "httpRequestsAdaptiveGroups";
  }

  @Override
  public boolean onFreePlan() {
    return true;
  }

  @Override
  public boolean hasBasicVariant() {
    return true;
  }

  @Override
  public String selection(NodeContext q) {
    String quantiles = q.basic() ? "" : "quantiles { originResponseDurationMsP50 "
        + "originResponseDurationMsP95 originResponseDurationMsP99 } ";
    return q.node(NAME, node(), q.window("cacheStatus_notin: [\"hit\"]"), "count_DESC",
        "count " + quantiles + "dimensions { originResponseStatus "
            + NodeContext.when(q.labels().country(), "clientCountryName")
            + NodeContext.when(q.labels().host(), "clientRequestHTTPHost") + "}");
  }

  @Override
  public void parse(JsonNode scopeNode, Scope scope, ParseContext ctx, StoreUpdate out) {
    String a = scope.accountLabel();
    for (FamilySpec f : List.of(P50, P95, P99)) {
      out.replace(f, scope.id());
    }
    for (JsonNode row : Rows.of(scopeNode, NAME, ctx)) {
      String country = Rows.label(ctx.labels().country(), row, "clientCountryName");
      String host = Rows.label(ctx.labels().host(), row, "clientRequestHTTPHost");
      String status = Rows.text(row, "dimensions", "originResponseStatus");
      out.count(REQUESTS, scope.id(), row.path("count").asDouble(), a, country, host, status,
          scope.name());
      JsonNode q = row.path("quantiles");
      String[] labels = {a, country, host, status, scope.name()};
      Rows.quantile(out, P50, scope, q, "originResponseDurationMsP50", 1, labels);
      Rows.quantile(out, P95, scope, q, "originResponseDurationMsP95", 1, labels);
      Rows.quantile(out, P99, scope, q, "originResponseDurationMsP99", 1, labels);
    }
  }
}
