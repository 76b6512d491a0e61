package io.exporters.cloudflare.dataset;

import static io.exporters.cloudflare.store.FamilySpec.counter;
import static io.exporters.cloudflare.store.FamilySpec.gauge;

import com.fasterxml.jackson.databind.JsonNode;
import io.exporters.cloudflare.inventory.Scope;
import io.exporters.cloudflare.store.FamilySpec;
import io.exporters.cloudflare.store.StoreUpdate;
import java.util.List;

/**
 * workersInvocationsAdaptive: each Worker script's invocations and errors by outcome, and its
 * CPU time, duration and wall time quantiles over the latest window. Quantile labels keep
 * lablabs' spelling ({@code P50}, {@code P999}); CPU and wall time are in microseconds.
 */
public final class WorkersDataset extends AccountDataset {
  static final String NAME = "workers";
  private static final String[] LABELS = {"account", "script_name", "status"};
  private static final String[] QUANTILE_LABELS =
      {"account", "quantile", "script_name", "status"};
  static final FamilySpec REQUESTS = counter(NAME, "cloudflare_worker_requests_count",
      "Number of requests sent to worker by script name", LABELS);
  static final FamilySpec ERRORS = counter(NAME, "cloudflare_worker_errors_count",
      "Number of errors by script name", LABELS);
  static final FamilySpec CPU_TIME = gauge(NAME, "cloudflare_worker_cpu_time",
      "CPU time quantiles by script name (microseconds), over the latest window",
      QUANTILE_LABELS);
  static final FamilySpec DURATION = gauge(NAME, "cloudflare_worker_duration",
      "Duration quantiles by script name (GB*s), over the latest window", QUANTILE_LABELS);
  static final FamilySpec WALL_TIME = gauge(NAME, "cloudflare_worker_wall_time",
      "Wall time quantiles by script name (microseconds), over the latest window",
      QUANTILE_LABELS);
  private static final List<String> CPU = List.of("P50", "P75", "P99", "P999");
  private static final List<String> WALL = List.of("P50", "P90", "P99", "P999");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Worker requests, errors, CPU time, duration and wall time by script "
        + "(workersInvocationsAdaptive)";
  }

  @Override
  public List<FamilySpec> families() {
    return List.of(REQUESTS, ERRORS, CPU_TIME, DURATION, WALL_TIME);
  }

  @Override
  public String node() {
    return "workersInvocationsAdaptive";
  }

  @Override
  public String selection(NodeContext q) {
    StringBuilder quantiles = new StringBuilder();
    CPU.forEach(p -> quantiles.append("cpuTime").append(p).append(" duration").append(p)
        .append(' '));
    WALL.forEach(p -> quantiles.append("wallTime").append(p).append(' '));
    return q.node(NAME, node(), q.window(), null, "dimensions { scriptName status } "
        + "sum { requests errors duration } quantiles { " + quantiles + "}");
  }

  @Override
  public void parse(JsonNode scopeNode, Scope scope, ParseContext ctx, StoreUpdate out) {
    String a = scope.accountLabel();
    for (FamilySpec f : List.of(CPU_TIME, DURATION, WALL_TIME)) {
      out.replace(f, scope.id());
    }
    for (JsonNode row : Rows.of(scopeNode, NAME, ctx)) {
      String script = Rows.text(row, "dimensions", "scriptName");
      String status = Rows.text(row, "dimensions", "status");
      out.count(REQUESTS, scope.id(), Rows.number(row, "sum", "requests"), a, script, status);
      out.count(ERRORS, scope.id(), Rows.number(row, "sum", "errors"), a, script, status);
      JsonNode q = row.path("quantiles");
      for (String p : CPU) {
        Rows.quantile(out, CPU_TIME, scope, q, "cpuTime" + p, 1, a, p, script, status);
        Rows.quantile(out, DURATION, scope, q, "duration" + p, 1, a, p, script, status);
      }
      for (String p : WALL) {
        Rows.quantile(out, WALL_TIME, scope, q, "wallTime" + p, 1, a, p, script, status);
      }
    }
  }
}
