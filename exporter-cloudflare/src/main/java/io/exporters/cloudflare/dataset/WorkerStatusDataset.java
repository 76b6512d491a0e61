package io.exporters.cloudflare.dataset;

import static io.exporters.cloudflare.store.FamilySpec.counter;

import com.fasterxml.jackson.databind.JsonNode;
import io.exporters.cloudflare.inventory.Scope;
import io.exporters.cloudflare.store.FamilySpec;
import io.exporters.cloudflare.store.StoreUpdate;
import java.util.List;

/**
 * workersZoneInvocationsAdaptiveGroups: requests answered by the Workers on a zone's routes,
 * by the HTTP status they returned. The series a "worker 5xx" alert reads; lablabs' worker
 * families only have the invocation's outcome (success, exception...), not the HTTP status.
 */
public final class WorkerStatusDataset extends ZoneDataset {
  static final String NAME = "worker_status";
  static final FamilySpec REQUESTS = counter(NAME, "cloudflare_zone_worker_requests_status",
      "Requests answered by the zone's Workers per HTTP status", "account", "status", "zone");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "requests answered by the zone's Workers by HTTP status "
        + "(workersZoneInvocationsAdaptiveGroups)";
  }

  @Override
  public List<FamilySpec> families() {
    return List.of(REQUESTS);
  }

  @Override
  public String node() {
    return "workersZoneInvocationsAdaptiveGroups";
  }

  @Override
  public boolean onFreePlan() {
    return true;
  }

  @Override
  public String selection(NodeContext q) {
    return q.node(NAME, node(), q.window(), null,
        "sum { requests } dimensions { httpResponseStatus }");
  }

  @Override
  public void parse(JsonNode scopeNode, Scope scope, ParseContext ctx, StoreUpdate out) {
    for (JsonNode row : Rows.of(scopeNode, NAME, ctx)) {
      out.count(REQUESTS, scope.id(), Rows.number(row, "sum", "requests"),
          scope.accountLabel(), Rows.text(row, "dimensions", "httpResponseStatus"),
          scope.name());
    }
  }
}
