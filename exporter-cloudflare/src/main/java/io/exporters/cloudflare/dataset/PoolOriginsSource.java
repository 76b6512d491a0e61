package io.exporters.cloudflare.dataset;

import static io.exporters.cloudflare.store.FamilySpec.gauge;

import com.fasterxml.jackson.databind.JsonNode;
import io.exporters.cloudflare.api.ApiException;
import io.exporters.cloudflare.api.CloudflareClient;
import io.exporters.cloudflare.api.RestPages;
import io.exporters.cloudflare.inventory.Scope;
import io.exporters.cloudflare.store.FamilySpec;
import io.exporters.cloudflare.store.StoreUpdate;
import java.util.List;
import java.util.Map;

/** Each load balancer pool origin's health, from the account's pools (REST). */
public final class PoolOriginsSource implements RestSource {
  static final String NAME = "pool_origins";
  static final FamilySpec HEALTH = gauge(NAME, "cloudflare_pool_origin_health_status",
      "Reports the origin health of a pool, 1 for healthy, 0 for unhealthy", "account", "ip",
      "origin_name", "pool_name");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "load balancer pool origins' health (REST /accounts/{id}/load_balancers/pools)";
  }

  @Override
  public List<FamilySpec> families() {
    return List.of(HEALTH);
  }

  @Override
  public String permission() {
    return "Account > Load Balancing: Monitors and Pools > Read";
  }

  @Override
  public void fetch(CloudflareClient client, Scope account, StoreUpdate out)
      throws ApiException {
    List<JsonNode> pools = RestPages.all(client, "load_balancer_pools",
        List.of("accounts", account.id(), "load_balancers", "pools"), Map.of());
    out.replace(HEALTH, account.id());
    for (JsonNode pool : pools) {
      for (JsonNode origin : pool.path("origins")) {
        JsonNode healthy = origin.path("healthy");
        if (healthy.isBoolean()) {
          out.gauge(HEALTH, account.id(), healthy.asBoolean() ? 1 : 0, account.accountRaw(),
              origin.path("address").asText(""), origin.path("name").asText(""),
              pool.path("name").asText(""));
        }
      }
    }
  }
}
