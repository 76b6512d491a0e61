package io.exporters.cloudflare.poll;

import com.fasterxml.jackson.databind.JsonNode;
import io.exporters.cloudflare.api.ApiException;
import io.exporters.cloudflare.api.CloudflareClient;
import io.exporters.cloudflare.api.ErrorClass;
import io.exporters.cloudflare.api.GraphQlAnswer;
import io.exporters.cloudflare.dataset.GraphQlDataset;
import io.exporters.cloudflare.dataset.ParseContext;
import io.exporters.cloudflare.inventory.Scope;
import io.exporters.cloudflare.settings.LabelToggles;
import io.exporters.cloudflare.store.StoreUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Sends one planned query and books its answer: the series of every (scope, dataset) that came
 * back whole are applied and their cursors advanced; each error is mapped to its scope and
 * dataset by its path and handled there (plan or permission: stop asking; data limits: skip
 * the window; anything else: read the window again next poll). A partial answer stays partial.
 */
final class QueryRunner {
  private final CloudflareData data;
  private final PollSettings settings;
  private final CloudflareClient client;
  private final Instant now;

  QueryRunner(CloudflareData data, PollSettings settings, CloudflareClient client, Instant now) {
    this.data = data;
    this.settings = settings;
    this.client = client;
    this.now = now;
  }

  void run(PlannedQuery q) {
    QueryText.Document doc = QueryText.of(q, settings.labels(), settings.rowLimit());
    GraphQlAnswer answer;
    try {
      answer = client.graphql(doc.query(), doc.variables());
    } catch (ApiException e) {
      failedWhole(q, e.errorClass(), e.getMessage());
      return;
    }
    String scopesKey = q.kind() == Scope.Kind.ZONE ? "zones" : "accounts";
    JsonNode elements = answer.scopes(scopesKey);
    Map<String, JsonNode> byId = new HashMap<>();
    for (int i = 0; i < elements.size(); i++) {
      JsonNode e = elements.get(i);
      String id = q.kind() == Scope.Kind.ZONE ? e.path("zoneTag").asText("")
          : q.scopes().get(0).id();
      byId.put(id, e);
    }
    Map<String, GraphQlAnswer.Error> errors = new HashMap<>();
    List<GraphQlAnswer.Error> whole = new ArrayList<>();
    for (GraphQlAnswer.Error e : answer.errors()) {
      Scope scope = scopeOf(q, elements, e.scopeIndex());
      if (scope == null) {
        whole.add(e);
      } else {
        String dataset = e.field() == null ? "*" : e.field().split(GraphQlDataset.PART)[0];
        errors.putIfAbsent(scope.id() + '/' + dataset, e);
      }
    }
    if (answer.data() == null && !whole.isEmpty()) {
      failedWhole(q, whole.get(0).errorClass(), whole.get(0).message());
      return;
    }
    book(q, byId, errors, whole);
  }

  private void book(PlannedQuery q, Map<String, JsonNode> byId,
      Map<String, GraphQlAnswer.Error> errors, List<GraphQlAnswer.Error> whole) {
    StoreUpdate update = new StoreUpdate(settings.denied());
    List<Runnable> advances = new ArrayList<>();
    Context ctx = new Context(data, settings, client, now);
    for (Scope scope : q.scopes()) {
      JsonNode element = byId.get(scope.id());
      for (Map.Entry<PlannedQuery.Part, Window> e : q.windows().entrySet()) {
        GraphQlDataset d = e.getKey().dataset();
        Window w = e.getValue();
        GraphQlAnswer.Error error = errors.getOrDefault(scope.id() + '/' + d.name(),
            errors.get(scope.id() + "/*"));
        JsonNode rows = element == null ? null : element.get(d.name());
        if (error == null && (rows == null || rows.isNull()) && !whole.isEmpty()) {
          error = whole.get(0);
        }
        if (error != null) {
          failedPair(scope, d, w, error.errorClass(), error.message());
        } else if (rows == null || rows.isNull()) {
          data.health().failed(d.name(), scope.describe() + " is missing from the answer");
        } else {
          d.parse(element, scope, ctx, update);
          data.health().succeeded(d.name());
          advances.add(() -> advance(scope, d, w));
        }
      }
    }
    data.store().apply(update, now.toEpochMilli(), settings.topN());
    advances.forEach(Runnable::run);
  }

  private void advance(Scope scope, GraphQlDataset d, Window w) {
    data.cursors().advance(scope.id(), d.name(), w);
    data.health().skipped(d.name(), w.skippedMinutes());
  }

  /** The request as a whole failed: nothing is counted, every window is read again later. */
  private void failedWhole(PlannedQuery q, ErrorClass c, String message) {
    if (c == ErrorClass.TOO_COSTLY && q.scopes().size() > 1) {
      data.batchSize().shrink(message);
    }
    for (Scope scope : q.scopes()) {
      for (Map.Entry<PlannedQuery.Part, Window> e : q.windows().entrySet()) {
        failedPair(scope, e.getKey().dataset(), e.getValue(), c, message);
      }
    }
  }

  private void failedPair(Scope scope, GraphQlDataset d, Window w, ErrorClass c,
      String message) {
    switch (c) {
      case PLAN -> data.capabilities().lacksPlan(scope, d,
          message.toLowerCase(Locale.ROOT).contains("field"), message, now);
      case PERMISSION -> {
        data.capabilities().lacksPermission(scope, d, message, now);
        data.problems().report("permission:" + d.permission(), "the API token lacks the "
            + "permission '" + d.permission() + "' needed for " + d.name() + " ("
            + scope.describe() + "): " + message);
      }
      case LIMIT -> {
        // The API will never give these minutes (too old, range too large): skip them.
        data.cursors().advance(scope.id(), d.name(), w);
        data.health().skipped(d.name(), w.minutes() + w.skippedMinutes());
        data.problems().report("limit:" + d.name(), d.name() + ": minutes skipped ("
            + scope.describe() + "): " + message);
      }
      case AUTH -> data.problems().report("auth", message);
      default -> { }
    }
    data.health().failed(d.name(), c.label() + ": " + message);
  }

  /** The scope an error's path points at: by zoneTag in the answer, else by request order. */
  private static Scope scopeOf(PlannedQuery q, JsonNode elements, int index) {
    if (index < 0) {
      return null;
    }
    String tag = elements.path(index).path("zoneTag").asText("");
    for (Scope s : q.scopes()) {
      if (s.id().equals(tag)) {
        return s;
      }
    }
    return index < q.scopes().size() ? q.scopes().get(index) : null;
  }

  /** What parsing needs: toggles, the row limit check, rule names through REST. */
  private record Context(CloudflareData data, PollSettings settings, CloudflareClient client,
      Instant now) implements ParseContext {
    @Override
    public LabelToggles labels() {
      return settings.labels();
    }

    @Override
    public void rows(String dataset, int count) {
      if (count >= settings.rowLimit()) {
        data.health().truncated(dataset);
        data.problems().report("truncated:" + dataset, dataset + ": an answer reached the "
            + "row limit of " + settings.rowLimit() + " rows; the rest was cut off (lower "
            + "top_n or switch labels off to need fewer rows)");
      }
    }

    @Override
    public Map<String, String> ruleLabels(Scope zone, Set<String> ruleIds) {
      return data.ruleNames().labels(client, zone, now, e -> data.problems().report("rulesets",
          e.errorClass() == ErrorClass.PERMISSION
              ? "firewall rule names are not readable (the token needs 'Zone > Firewall "
                  + "Services > Read'); the rule label stays empty: " + e.getMessage()
              : "firewall rule names could not be read now (the rule label stays empty until "
                  + "they are): " + e.getMessage()));
    }
  }
}
