package io.exporters.cloudflare.poll;

import io.exporters.cloudflare.dataset.GraphQlDataset;
import io.exporters.cloudflare.inventory.Scope;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One GraphQL request to send: up to ten zones (or one account) and, for each dataset asked,
 * the variant and the window read. All its scopes stand at the same windows, so one query
 * serves them all; a scope whose windows differ goes in another.
 */
record PlannedQuery(Scope.Kind kind, List<Scope> scopes, Map<Part, Window> windows) {
  /** A dataset as asked: whole, or without the fields only paid plans have. */
  record Part(GraphQlDataset dataset, boolean basic) {}

  PlannedQuery {
    scopes = List.copyOf(scopes);
    // In the datasets' order, so the same plan always makes the same document.
    windows = Collections.unmodifiableMap(new LinkedHashMap<>(windows));
  }

  /** The oldest minute it reads: the stalest queries go first when the budget is short. */
  Instant oldest() {
    Instant oldest = Instant.MAX;
    for (Window w : windows.values()) {
      oldest = w.start().isBefore(oldest) ? w.start() : oldest;
    }
    return oldest;
  }

  Part part(String dataset) {
    for (Part p : windows.keySet()) {
      if (p.dataset().name().equals(dataset)) {
        return p;
      }
    }
    return null;
  }
}
