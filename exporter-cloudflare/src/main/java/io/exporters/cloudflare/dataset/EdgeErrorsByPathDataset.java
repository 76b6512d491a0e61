package io.exporters.cloudflare.dataset;

import static io.exporters.cloudflare.store.FamilySpec.counter;

import com.fasterxml.jackson.databind.JsonNode;
import io.exporters.cloudflare.inventory.Scope;
import io.exporters.cloudflare.store.FamilySpec;
import io.exporters.cloudflare.store.StoreUpdate;
import java.util.List;

/**
 * httpRequestsAdaptiveGroups with an edge status of 400 or more, by status, host and
 * normalised path. Off by default (lablabs' ENABLE_EDGE_ERRORS_BY_PATH): paths are many.
 */
public final class EdgeErrorsByPathDataset extends ZoneDataset {
  static final String NAME = "edge_errors_by_path";
  static final FamilySpec ERRORS = counter(NAME, "cloudflare_zone_edge_errors_by_path",
      "Count of edge errors (HTTP status >= 400) per zone, host and normalised path", "account",
      "host", "path", "status", "zone");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "edge errors by status, host and normalised path (httpRequestsAdaptiveGroups)";
  }

  @Override
  public List<FamilySpec> families() {
    return List.of(ERRORS);
  }

  @Override
  public boolean enabledByDefault() {
    return false;
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
    return q.node(NAME, node(), q.window("edgeResponseStatus_geq: 400"), "count_DESC",
        "count dimensions { edgeResponseStatus "
            + NodeContext.when(q.labels().host(), "clientRequestHTTPHost")
            + NodeContext.when(q.labels().path(), "clientRequestPath") + "}");
  }

  @Override
  public void parse(JsonNode scopeNode, Scope scope, ParseContext ctx, StoreUpdate out) {
    for (JsonNode row : Rows.of(scopeNode, NAME, ctx)) {
      String path = Rows.label(ctx.labels().path(), row, "clientRequestPath");
      out.count(ERRORS, scope.id(), row.path("count").asDouble(), scope.accountLabel(),
          Rows.label(ctx.labels().host(), row, "clientRequestHTTPHost"),
          PathNormalizer.normalize(path), Rows.text(row, "dimensions", "edgeResponseStatus"),
          scope.name());
    }
  }
}
