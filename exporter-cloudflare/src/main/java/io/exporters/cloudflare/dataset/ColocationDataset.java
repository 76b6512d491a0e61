package io.exporters.cloudflare.dataset;

import static io.exporters.cloudflare.store.FamilySpec.counter;

import com.fasterxml.jackson.databind.JsonNode;
import io.exporters.cloudflare.inventory.Scope;
import io.exporters.cloudflare.store.FamilySpec;
import io.exporters.cloudflare.store.StoreUpdate;
import java.util.List;

/**
 * httpRequestsAdaptiveGroups by Cloudflare data centre (colocation) and host: visits, bytes and
 * requests. lablabs grouped by minute as well and never dropped a series (its OOM, #215); here
 * the window is one group and series expire.
 */
public final class ColocationDataset extends ZoneDataset {
  static final String NAME = "colocation";
  private static final String[] LABELS = {"account", "colocation", "host", "zone"};
  static final FamilySpec VISITS = counter(NAME, "cloudflare_zone_colocation_visits",
      "Total visits per colocation", LABELS);
  static final FamilySpec BYTES = counter(NAME, "cloudflare_zone_colocation_edge_response_bytes",
      "Edge response bytes per colocation", LABELS);
  static final FamilySpec REQUESTS = counter(NAME, "cloudflare_zone_colocation_requests_total",
      "Total requests per colocation", LABELS);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "visits, bytes and requests per data centre and host (httpRequestsAdaptiveGroups)";
  }

  @Override
  public List<FamilySpec> families() {
    return List.of(VISITS, BYTES, REQUESTS);
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
  public String selection(NodeContext q) {
    return q.node(NAME, node(), q.window(), "count_DESC",
        "count sum { edgeResponseBytes visits } dimensions { "
            + NodeContext.when(q.labels().colocation(), "coloCode")
            + NodeContext.when(q.labels().host(), "clientRequestHTTPHost") + "}");
  }

  @Override
  public void parse(JsonNode scopeNode, Scope scope, ParseContext ctx, StoreUpdate out) {
    for (JsonNode row : Rows.of(scopeNode, NAME, ctx)) {
      String colo = Rows.label(ctx.labels().colocation(), row, "coloCode");
      String host = Rows.label(ctx.labels().host(), row, "clientRequestHTTPHost");
      String a = scope.accountLabel();
      out.count(VISITS, scope.id(), Rows.number(row, "sum", "visits"), a, colo, host,
          scope.name());
      out.count(BYTES, scope.id(), Rows.number(row, "sum", "edgeResponseBytes"), a, colo, host,
          scope.name());
      out.count(REQUESTS, scope.id(), row.path("count").asDouble(), a, colo, host,
          scope.name());
    }
  }
}
