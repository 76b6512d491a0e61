package io.exporters.cloudflare.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import io.exporters.cloudflare.inventory.Scope;
import io.exporters.cloudflare.store.FamilySpec;
import io.exporters.cloudflare.store.StoreUpdate;

/** Reading answer rows: absent or null values as "" and 0, numbers as their text. */
final class Rows {
  private Rows() {}

  /** The rows of one aliased node, counted against the row limit. */
  static JsonNode of(JsonNode scopeNode, String alias, ParseContext ctx) {
    JsonNode rows = scopeNode.path(alias);
    ctx.rows(alias.split(GraphQlDataset.PART)[0], rows.size());
    return rows;
  }

  static String text(JsonNode row, String group, String field) {
    JsonNode v = row.path(group).path(field);
    return v.isMissingNode() || v.isNull() ? "" : v.asText();
  }

  static double number(JsonNode row, String group, String field) {
    return row.path(group).path(field).asDouble(0);
  }

  /** A label value the toggle may blank: the dimension is then not asked for at all. */
  static String label(boolean on, JsonNode row, String field) {
    return on ? text(row, "dimensions", field) : "";
  }

  /** A quantile gauge, scaled; left out when the answer has no value for it (not 0). */
  static void quantile(StoreUpdate out, FamilySpec family, Scope scope, JsonNode quantiles,
      String field, double scale, String... labels) {
    JsonNode v = quantiles.path(field);
    if (v.isNumber()) {
      out.gauge(family, scope.id(), v.asDouble() * scale, labels);
    }
  }
}
