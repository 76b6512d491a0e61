package io.exporters.cloudflare.poll;

import io.exporters.cloudflare.dataset.GraphQlDataset;
import io.exporters.cloudflare.dataset.Sources;
import io.exporters.cloudflare.inventory.Inventory;
import io.exporters.cloudflare.inventory.Scope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides the GraphQL requests of one poll for every zone and account: each scope's due
 * windows per dataset, scopes with the same windows batched (up to ten zones a query, one
 * account), and no more requests than the budget allows this poll, stalest first. Deferred
 * scopes keep their cursors, so a later poll reads their minutes in one wider window.
 */
final class QueryPlanner {
  /** The requests to send now, and how many more were due. */
  record Plan(List<PlannedQuery> queries, int deferred) {}

  private final Cursors cursors;
  private final Capabilities capabilities;

  QueryPlanner(Cursors cursors, Capabilities capabilities) {
    this.cursors = cursors;
    this.capabilities = capabilities;
  }

  Plan plan(Inventory inventory, PollSettings s, Instant now, int allowance,
      int zonesPerQuery) {
    Instant target = Window.target(now, s.delay());
    List<PlannedQuery> all = new ArrayList<>();
    all.addAll(batch(Scope.Kind.ZONE, inventory.zones(), s, now, target, zonesPerQuery));
    all.addAll(batch(Scope.Kind.ACCOUNT, inventory.accounts(), s, now, target, 1));
    all.sort(Comparator.comparing(PlannedQuery::oldest));
    int n = Math.max(0, Math.min(allowance, all.size()));
    return new Plan(List.copyOf(all.subList(0, n)), all.size() - n);
  }

  private List<PlannedQuery> batch(Scope.Kind kind, List<Scope> scopes, PollSettings s,
      Instant now, Instant target, int perQuery) {
    Map<Map<PlannedQuery.Part, Window>, List<Scope>> groups = new LinkedHashMap<>();
    for (Scope scope : scopes) {
      Map<PlannedQuery.Part, Window> due = new LinkedHashMap<>();
      for (GraphQlDataset d : Sources.GRAPHQL) {
        if (d.scope() != kind || !s.sources().contains(d.name())) {
          continue;
        }
        Capabilities.Level level = capabilities.level(scope, d, s.freeTier(), now);
        if (level == Capabilities.Level.UNAVAILABLE) {
          continue;
        }
        Window w = cursors.due(scope.id(), d.name(), target, s.maxCatchUp());
        if (w != null) {
          due.put(new PlannedQuery.Part(d, level == Capabilities.Level.BASIC), w);
        }
      }
      if (!due.isEmpty()) {
        groups.computeIfAbsent(due, k -> new ArrayList<>()).add(scope);
      }
    }
    List<PlannedQuery> out = new ArrayList<>();
    groups.forEach((windows, members) -> {
      for (int i = 0; i < members.size(); i += perQuery) {
        out.add(new PlannedQuery(kind, members.subList(i, Math.min(members.size(),
            i + perQuery)), windows));
      }
    });
    return out;
  }
}
