package io.exporters.cloudflare.dataset;

import static io.exporters.cloudflare.store.FamilySpec.gauge;

import com.fasterxml.jackson.databind.JsonNode;
import io.exporters.cloudflare.inventory.Scope;
import io.exporters.cloudflare.store.FamilySpec;
import io.exporters.cloudflare.store.StoreUpdate;
import java.util.List;

/**
 * R2: storage per bucket (r2StorageAdaptiveGroups, the day's maximum) and operations per
 * bucket and action (r2OperationsAdaptiveGroups, the day's running total), read for the UTC
 * day of the window's end. Gauges, as lablabs types them: the operation count starts again
 * each day.
 */
public final class R2Dataset extends AccountDataset {
  static final String NAME = "r2";
  static final String OPERATIONS = NAME + PART + "operations";
  static final FamilySpec TOTAL = gauge(NAME, "cloudflare_r2_storage_total_bytes",
      "Total storage used by R2", "account");
  static final FamilySpec BUCKET = gauge(NAME, "cloudflare_r2_storage_bytes",
      "Storage used by R2", "account", "bucket");
  static final FamilySpec OPERATION = gauge(NAME, "cloudflare_r2_operation_count",
      "Number of operations performed by R2 today", "account", "bucket", "operation");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "R2 storage per bucket and operations per bucket and action, today "
        + "(r2StorageAdaptiveGroups, r2OperationsAdaptiveGroups)";
  }

  @Override
  public List<FamilySpec> families() {
    return List.of(TOTAL, BUCKET, OPERATION);
  }

  @Override
  public String node() {
    return "r2StorageAdaptiveGroups";
  }

  @Override
  public boolean windowed() {
    return false;
  }

  @Override
  public String selection(NodeContext q) {
    String day = "date: " + q.date();
    return q.node(NAME, node(), day, null,
        "dimensions { bucketName } max { payloadSize metadataSize objectCount }")
        + q.node(OPERATIONS, "r2OperationsAdaptiveGroups", day, null,
            "dimensions { actionType bucketName } sum { requests }");
  }

  @Override
  public void parse(JsonNode scopeNode, Scope scope, ParseContext ctx, StoreUpdate out) {
    String a = scope.accountRaw();
    for (FamilySpec f : families()) {
      out.replace(f, scope.id());
    }
    double total = 0;
    for (JsonNode row : Rows.of(scopeNode, NAME, ctx)) {
      double bytes = Rows.number(row, "max", "payloadSize");
      total += bytes;
      out.gauge(BUCKET, scope.id(), bytes, a, Rows.text(row, "dimensions", "bucketName"));
    }
    out.gauge(TOTAL, scope.id(), total, a);
    for (JsonNode row : Rows.of(scopeNode, OPERATIONS, ctx)) {
      out.gauge(OPERATION, scope.id(), Rows.number(row, "sum", "requests"), a,
          Rows.text(row, "dimensions", "bucketName"),
          Rows.text(row, "dimensions", "actionType"));
    }
  }
}
