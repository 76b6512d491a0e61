package io.exporters.cloudflare.dataset;

import static io.exporters.cloudflare.store.FamilySpec.counter;
import static io.exporters.cloudflare.store.FamilySpec.gauge;

import com.fasterxml.jackson.databind.JsonNode;
import io.exporters.cloudflare.inventory.Scope;
import io.exporters.cloudflare.store.FamilySpec;
import io.exporters.cloudflare.store.StoreUpdate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Load balancing: requests per load balancer, pool and origin (loadBalancingRequestsAdaptive-
 * Groups), and each pool's health as the requests of the latest window saw it
 * (loadBalancingRequestsAdaptive): 0 when any of them found the pool unhealthy.
 */
public final class LoadBalancersDataset extends ZoneDataset {
  static final String NAME = "load_balancers";
  static final String POOLS = NAME + PART + "pools";
  static final FamilySpec REQUESTS = counter(NAME, "cloudflare_zone_pool_requests_total",
      "Requests per pool", "account", "load_balancer_name", "origin_name", "pool_name", "zone");
  static final FamilySpec HEALTH = gauge(NAME, "cloudflare_zone_pool_health_status",
      "Reports the health of a pool, 1 for healthy, 0 for unhealthy, in the latest window",
      "account", "load_balancer_name", "pool_name", "zone");
  /** Raw request rows are many; the latest few say the pools' health. */
  private static final String RAW_LIMIT = "1000";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "requests per load balancer pool and origin, and pool health "
        + "(loadBalancingRequestsAdaptiveGroups, loadBalancingRequestsAdaptive)";
  }

  @Override
  public List<FamilySpec> families() {
    return List.of(REQUESTS, HEALTH);
  }

  @Override
  public String node() {
    return "loadBalancingRequestsAdaptiveGroups";
  }

  @Override
  public boolean onFreePlan() {
    return false;
  }

  @Override
  public String selection(NodeContext q) {
    return q.node(NAME, node(), q.window(), "count_DESC",
        "count dimensions { lbName selectedPoolName selectedOriginName }")
        + POOLS + ": loadBalancingRequestsAdaptive(limit: " + RAW_LIMIT + ", filter: {"
        + q.window() + "}) { lbName pools { poolName healthy } }\n";
  }

  @Override
  public void parse(JsonNode scopeNode, Scope scope, ParseContext ctx, StoreUpdate out) {
    String a = scope.accountLabel();
    for (JsonNode row : Rows.of(scopeNode, NAME, ctx)) {
      out.count(REQUESTS, scope.id(), row.path("count").asDouble(), a,
          Rows.text(row, "dimensions", "lbName"),
          Rows.text(row, "dimensions", "selectedOriginName"),
          Rows.text(row, "dimensions", "selectedPoolName"), scope.name());
    }
    out.replace(HEALTH, scope.id());
    Map<List<String>, Double> health = new LinkedHashMap<>();
    for (JsonNode request : scopeNode.path(POOLS)) {
      String lb = request.path("lbName").asText("");
      for (JsonNode pool : request.path("pools")) {
        // true/false in the schema; 1/0 in some answers: asBoolean reads both.
        double healthy = pool.path("healthy").asBoolean(false) ? 1 : 0;
        health.merge(List.of(lb, pool.path("poolName").asText("")), healthy, Math::min);
      }
    }
    health.forEach((key, healthy) -> out.gauge(HEALTH, scope.id(), healthy, a, key.get(0),
        key.get(1), scope.name()));
  }
}
