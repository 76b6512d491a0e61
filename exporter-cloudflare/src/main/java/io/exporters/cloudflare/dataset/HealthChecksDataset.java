package io.exporters.cloudflare.dataset;

import static io.exporters.cloudflare.store.FamilySpec.counter;

import com.fasterxml.jackson.databind.JsonNode;
import io.exporters.cloudflare.inventory.Scope;
import io.exporters.cloudflare.store.FamilySpec;
import io.exporters.cloudflare.store.StoreUpdate;
import java.util.List;

/** healthCheckEventsAdaptiveGroups: health check events by status, origin, region and FQDN. */
public final class HealthChecksDataset extends ZoneDataset {
  static final String NAME = "health_checks";
  static final FamilySpec EVENTS = counter(NAME,
      "cloudflare_zone_health_check_events_origin_count", "Number of Heath check events per "
          + "region per origin", "account", "fqdn", "health_status", "origin_ip", "region",
      "zone");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "health check events by status, origin, region and FQDN "
        + "(healthCheckEventsAdaptiveGroups)";
  }

  @Override
  public List<FamilySpec> families() {
    return List.of(EVENTS);
  }

  @Override
  public String node() {
    return "healthCheckEventsAdaptiveGroups";
  }

  @Override
  public boolean onFreePlan() {
    return false;
  }

  @Override
  public String selection(NodeContext q) {
    return q.node(NAME, node(), q.window(), "count_DESC",
        "count dimensions { healthStatus originIP region fqdn }");
  }

  @Override
  public void parse(JsonNode scopeNode, Scope scope, ParseContext ctx, StoreUpdate out) {
    for (JsonNode row : Rows.of(scopeNode, NAME, ctx)) {
      out.count(EVENTS, scope.id(), row.path("count").asDouble(), scope.accountLabel(),
          Rows.text(row, "dimensions", "fqdn"), Rows.text(row, "dimensions", "healthStatus"),
          Rows.text(row, "dimensions", "originIP"), Rows.text(row, "dimensions", "region"),
          scope.name());
    }
  }
}
