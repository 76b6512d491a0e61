package io.exporters.cloudflare.dataset;

import static io.exporters.cloudflare.store.FamilySpec.counter;

import com.fasterxml.jackson.databind.JsonNode;
import io.exporters.cloudflare.inventory.Scope;
import io.exporters.cloudflare.store.FamilySpec;
import io.exporters.cloudflare.store.StoreUpdate;
import java.util.List;

/**
 * httpRequestsAdaptiveGroups of visitors' requests (requestSource eyeball): the edge's answers
 * by status, country and host. The series a Workers API's 5xx alert reads per host.
 */
public final class EdgeStatusDataset extends ZoneDataset {
  static final String NAME = "edge_status";
  static final FamilySpec REQUESTS = counter(NAME, "cloudflare_zone_requests_status_country_host",
      "Count of requests for zone per edge HTTP status per country per host", "account",
      "country", "host", "status", "zone");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "visitors' requests by edge status, country and host (httpRequestsAdaptiveGroups)";
  }

  @Override
  public List<FamilySpec> families() {
    return List.of(REQUESTS);
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
    return q.node(NAME, node(), q.window("requestSource_in: [\"eyeball\"]"), "count_DESC",
        "count dimensions { edgeResponseStatus "
            + NodeContext.when(q.labels().country(), "clientCountryName")
            + NodeContext.when(q.labels().host(), "clientRequestHTTPHost") + "}");
  }

  @Override
  public void parse(JsonNode scopeNode, Scope scope, ParseContext ctx, StoreUpdate out) {
    for (JsonNode row : Rows.of(scopeNode, NAME, ctx)) {
      out.count(REQUESTS, scope.id(), row.path("count").asDouble(), scope.accountLabel(),
          Rows.label(ctx.labels().country(), row, "clientCountryName"),
          Rows.label(ctx.labels().host(), row, "clientRequestHTTPHost"),
          Rows.text(row, "dimensions", "edgeResponseStatus"), scope.name());
    }
  }
}
