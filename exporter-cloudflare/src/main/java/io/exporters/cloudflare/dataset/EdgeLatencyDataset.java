package io.exporters.cloudflare.dataset;

import static io.exporters.cloudflare.store.FamilySpec.gauge;

import com.fasterxml.jackson.databind.JsonNode;
import io.exporters.cloudflare.inventory.Scope;
import io.exporters.cloudflare.store.FamilySpec;
import io.exporters.cloudflare.store.StoreUpdate;
import java.util.List;

/**
 * Time to first byte at the edge per host, as quantiles of visitors' requests in the latest
 * window (httpRequestsAdaptiveGroups, paid-plan fields), in seconds. For a Workers API this is
 * the time clients wait, Worker included: the series a "p95 over 2 s" alert reads. Not in
 * lablabs.
 */
public final class EdgeLatencyDataset extends ZoneDataset {
  static final String NAME = "edge_latency";
  static final FamilySpec P50 = quantile("p50", "50th");
  static final FamilySpec P95 = quantile("p95", "95th");
  static final FamilySpec P99 = quantile("p99", "99th");

  private static FamilySpec quantile(String name, String which) {
    return gauge(NAME, "cloudflare_zone_edge_time_to_first_byte_" + name + "_seconds",
        which + " percentile of the edge's time to first byte of visitors' requests per host, "
            + "over the latest window", "account", "host", "zone");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "edge time to first byte quantiles per host (httpRequestsAdaptiveGroups)";
  }

  @Override
  public List<FamilySpec> families() {
    return List.of(P50, P95, P99);
  }

  @Override
  public String node() {
    return "httpRequestsAdaptiveGroups";
  }

  @Override
  public boolean onFreePlan() {
    return false;
  }

  @Override
  public String selection(NodeContext q) {
    return q.node(NAME, node(), q.window("requestSource_in: [\"eyeball\"]"), "count_DESC",
        "count quantiles { edgeTimeToFirstByteMsP50 edgeTimeToFirstByteMsP95 "
            + "edgeTimeToFirstByteMsP99 } dimensions { "
            + NodeContext.when(q.labels().host(), "clientRequestHTTPHost") + "}");
  }

  @Override
  public void parse(JsonNode scopeNode, Scope scope, ParseContext ctx, StoreUpdate out) {
    for (FamilySpec f : families()) {
      out.replace(f, scope.id());
    }
    for (JsonNode row : Rows.of(scopeNode, NAME, ctx)) {
      String host = Rows.label(ctx.labels().host(), row, "clientRequestHTTPHost");
      JsonNode q = row.path("quantiles");
      String[] labels = {scope.accountLabel(), host, scope.name()};
      Rows.quantile(out, P50, scope, q, "edgeTimeToFirstByteMsP50", 1e-3, labels);
      Rows.quantile(out, P95, scope, q, "edgeTimeToFirstByteMsP95", 1e-3, labels);
      Rows.quantile(out, P99, scope, q, "edgeTimeToFirstByteMsP99", 1e-3, labels);
    }
  }
}
