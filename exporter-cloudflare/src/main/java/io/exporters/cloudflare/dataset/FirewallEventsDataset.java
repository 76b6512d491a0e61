package io.exporters.cloudflare.dataset;

import static io.exporters.cloudflare.store.FamilySpec.counter;

import com.fasterxml.jackson.databind.JsonNode;
import io.exporters.cloudflare.inventory.Scope;
import io.exporters.cloudflare.store.FamilySpec;
import io.exporters.cloudflare.store.StoreUpdate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * firewallEventsAdaptiveGroups: security events by action, source, rule, host and country. The
 * {@code rule} label is the rule's description, looked up once per zone and TTL.
 */
public final class FirewallEventsDataset extends ZoneDataset {
  static final String NAME = "firewall_events";
  static final FamilySpec EVENTS = counter(NAME, "cloudflare_zone_firewall_events_count",
      "Count of Firewall events", "account", "action", "country", "host", "rule", "source",
      "zone");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "firewall events by action, source, rule, host and country "
        + "(firewallEventsAdaptiveGroups)";
  }

  @Override
  public List<FamilySpec> families() {
    return List.of(EVENTS);
  }

  @Override
  public String node() {
    return "firewallEventsAdaptiveGroups";
  }

  @Override
  public boolean onFreePlan() {
    return false;
  }

  @Override
  public String selection(NodeContext q) {
    return q.node(NAME, node(), q.window(), "count_DESC",
        "count dimensions { action source ruleId "
            + NodeContext.when(q.labels().host(), "clientRequestHTTPHost")
            + NodeContext.when(q.labels().country(), "clientCountryName") + "}");
  }

  @Override
  public void parse(JsonNode scopeNode, Scope scope, ParseContext ctx, StoreUpdate out) {
    JsonNode rows = Rows.of(scopeNode, NAME, ctx);
    Set<String> ruleIds = new HashSet<>();
    for (JsonNode row : rows) {
      String rule = Rows.text(row, "dimensions", "ruleId");
      if (!rule.isEmpty()) {
        ruleIds.add(rule);
      }
    }
    Map<String, String> rules = ruleIds.isEmpty() ? Map.of() : ctx.ruleLabels(scope, ruleIds);
    for (JsonNode row : rows) {
      out.count(EVENTS, scope.id(), row.path("count").asDouble(), scope.accountLabel(),
          Rows.text(row, "dimensions", "action"),
          Rows.label(ctx.labels().country(), row, "clientCountryName"),
          Rows.label(ctx.labels().host(), row, "clientRequestHTTPHost"),
          rules.getOrDefault(Rows.text(row, "dimensions", "ruleId"), ""),
          Rows.text(row, "dimensions", "source"), scope.name());
    }
  }
}
