package io.exporters.cloudflare.dataset;

import static io.exporters.cloudflare.store.FamilySpec.counter;

import com.fasterxml.jackson.databind.JsonNode;
import io.exporters.cloudflare.inventory.Scope;
import io.exporters.cloudflare.store.FamilySpec;
import io.exporters.cloudflare.store.StoreUpdate;
import java.util.List;

/**
 * Visitors' requests and bytes by cache status (hit, miss, dynamic, expired...), from
 * httpRequestsAdaptiveGroups, which every plan has: the edge cache hit ratio of a zone whose
 * plan lacks httpRequests1mGroups. Not in lablabs.
 */
public final class CacheStatusDataset extends ZoneDataset {
  static final String NAME = "cache_status";
  static final FamilySpec REQUESTS = counter(NAME, "cloudflare_zone_requests_cache_status",
      "Count of visitors' requests for zone per cache status", "account", "cache_status",
      "zone");
  static final FamilySpec BYTES = counter(NAME, "cloudflare_zone_bandwidth_cache_status",
      "Bytes returned to visitors for zone per cache status", "account", "cache_status", "zone");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "visitors' requests and bytes by cache status (httpRequestsAdaptiveGroups)";
  }

  @Override
  public List<FamilySpec> families() {
    return List.of(REQUESTS, BYTES);
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
        "count sum { edgeResponseBytes } dimensions { cacheStatus }");
  }

  @Override
  public void parse(JsonNode scopeNode, Scope scope, ParseContext ctx, StoreUpdate out) {
    for (JsonNode row : Rows.of(scopeNode, NAME, ctx)) {
      String status = Rows.text(row, "dimensions", "cacheStatus");
      out.count(REQUESTS, scope.id(), row.path("count").asDouble(), scope.accountLabel(),
          status, scope.name());
      out.count(BYTES, scope.id(), Rows.number(row, "sum", "edgeResponseBytes"),
          scope.accountLabel(), status, scope.name());
    }
  }
}
