package io.exporters.cloudflare.dataset;

import static io.exporters.cloudflare.store.FamilySpec.counter;

import com.fasterxml.jackson.databind.JsonNode;
import io.exporters.cloudflare.inventory.Scope;
import io.exporters.cloudflare.store.FamilySpec;
import io.exporters.cloudflare.store.StoreUpdate;
import java.util.List;

/**
 * logpushHealthAdaptiveGroups with a status other than 200: failed Logpush uploads by job,
 * destination and whether the failure was final, for a zone's jobs or an account's. lablabs
 * sent the zone query with a variable of the wrong type; this one is typed as a list.
 */
public final class LogpushDataset implements GraphQlDataset {
  static final FamilySpec ACCOUNT_FAILURES = counter("logpush_account",
      "cloudflare_logpush_failed_jobs_account_count", "Number of failed logpush jobs on the "
          + "account level", "account", "destination", "final", "job_id");
  static final FamilySpec ZONE_FAILURES = counter("logpush_zone",
      "cloudflare_logpush_failed_jobs_zone_count", "Number of failed logpush jobs on the zone "
          + "level", "destination", "final", "job_id");

  private final Scope.Kind scope;
  private final FamilySpec family;

  private LogpushDataset(Scope.Kind scope, FamilySpec family) {
    this.scope = scope;
    this.family = family;
  }

  public static LogpushDataset zones() {
    return new LogpushDataset(Scope.Kind.ZONE, ZONE_FAILURES);
  }

  public static LogpushDataset accounts() {
    return new LogpushDataset(Scope.Kind.ACCOUNT, ACCOUNT_FAILURES);
  }

  @Override
  public String name() {
    return family.source();
  }

  @Override
  public String description() {
    return "failed Logpush uploads of " + (scope == Scope.Kind.ZONE ? "zone" : "account")
        + " jobs (logpushHealthAdaptiveGroups)";
  }

  @Override
  public List<FamilySpec> families() {
    return List.of(family);
  }

  @Override
  public String permission() {
    return scope == Scope.Kind.ZONE ? "Zone > Logs > Read" : "Account > Logs > Read";
  }

  @Override
  public Scope.Kind scope() {
    return scope;
  }

  @Override
  public String node() {
    return "logpushHealthAdaptiveGroups";
  }

  @Override
  public boolean onFreePlan() {
    return false;
  }

  @Override
  public String selection(NodeContext q) {
    return q.node(name(), node(), q.window("status_neq: 200"), "count_DESC",
        "count dimensions { jobId destinationType final }");
  }

  @Override
  public void parse(JsonNode scopeNode, Scope scope, ParseContext ctx, StoreUpdate out) {
    for (JsonNode row : Rows.of(scopeNode, name(), ctx)) {
      String destination = Rows.text(row, "dimensions", "destinationType");
      String fin = Rows.text(row, "dimensions", "final");
      String job = Rows.text(row, "dimensions", "jobId");
      double count = row.path("count").asDouble();
      if (this.scope == Scope.Kind.ACCOUNT) {
        // lablabs labels account-level Logpush with the account id.
        out.count(family, scope.id(), count, scope.id(), destination, fin, job);
      } else {
        out.count(family, scope.id(), count, destination, fin, job);
      }
    }
  }
}
