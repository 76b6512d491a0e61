package io.exporters.cloudflare.poll;

import io.exporters.cloudflare.api.ApiException;
import io.exporters.cloudflare.api.CloudflareClient;
import io.exporters.cloudflare.api.ErrorClass;
import io.exporters.cloudflare.dataset.GraphQlDataset;
import io.exporters.cloudflare.dataset.RestSource;
import io.exporters.cloudflare.dataset.Sources;
import io.exporters.cloudflare.inventory.Inventory;
import io.exporters.cloudflare.inventory.InventoryLoader;
import io.exporters.cloudflare.inventory.Scope;
import io.exporters.cloudflare.store.StoreUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of every zone and account: list them (cached), plan the GraphQL requests within the
 * budget, send them, read the REST state, expire old series and publish. Series of a zone or
 * account that is gone are dropped at once. The settings in force are read at the start.
 */
public final class PollCycle {
  private static final Logger logger = LoggerFactory.getLogger(PollCycle.class);

  private final CloudflareData data;
  private final Supplier<PollSettings> settings;
  private final ExecutorService requests;
  private final QueryPlanner planner;
  private final Map<String, Scope> polled = new HashMap<>();
  private final Map<String, Instant> restBlocked = new HashMap<>();

  public PollCycle(CloudflareData data, Supplier<PollSettings> settings,
      ExecutorService requests) {
    this.data = data;
    this.settings = settings;
    this.requests = requests;
    this.planner = new QueryPlanner(data.cursors(), data.capabilities());
  }

  /** Runs one poll; does nothing without credentials. */
  public synchronized void run() throws InterruptedException {
    PollSettings s = settings.get();
    if (s == null) {
      return;
    }
    long startedNanos = System.nanoTime();
    Instant now = data.clock().instant();
    data.graphqlBudget().setLimit(s.graphqlBudget());
    data.restBudget().setLimit(s.restBudget());
    data.status().beginPoll(data.calls());
    data.health().beginPoll();
    CloudflareClient client = new CloudflareClient(s.baseUrl(), s.credentials(), s.timeout(),
        data.calls(), data.graphqlBudget(), data.restBudget(), data.clock());
    Inventory inventory = inventory(client, s, now);
    QueryPlanner.Plan plan = planner.plan(inventory, s, now,
        Math.min(data.graphqlBudget().available(), s.graphqlShare()),
        data.batchSize().current(s.zonesPerQuery()));
    data.status().deferred(plan.deferred());
    QueryRunner runner = new QueryRunner(data, s, client, now);
    List<Future<?>> sent = new ArrayList<>();
    for (PlannedQuery q : plan.queries()) {
      sent.add(requests.submit(() -> {
        try {
          runner.run(q);
        } catch (RuntimeException e) {
          // A bug reading one answer must not cost the other queries of the poll.
          logger.atError().setCause(e).log("reading a GraphQL answer failed");
        }
      }));
    }
    for (Future<?> f : sent) {
      try {
        f.get();
      } catch (ExecutionException e) {
        throw new IllegalStateException("a query failed unexpectedly", e.getCause());
      }
    }
    restSources(inventory, s, client, now);
    windowEnds(inventory, s, now);
    data.store().expire(now.minus(s.seriesTtl()).toEpochMilli());
    data.store().publish(Sources.helpWithFreshness(s.delay()));
    data.health().endPoll();
    data.status().endPoll(data.calls(), now,
        Duration.ofNanos(System.nanoTime() - startedNanos));
    if (data.status().reachable()) {
      data.problems().clear("auth");
    }
  }

  private Inventory inventory(CloudflareClient client, PollSettings s, Instant now) {
    InventoryLoader.Result r = data.inventory().refresh(client, s.filter(), s.identity(),
        s.inventoryTtl(), now);
    if (r.error() != null) {
      ApiException e = r.error();
      String hint = e.errorClass() == ErrorClass.PERMISSION
          ? " (listing zones needs 'Zone > Zone > Read'; an account-scoped token also needs "
              + "CF_ACCOUNTS)" : "";
      data.problems().report("inventory", "listing zones and accounts failed; keeping the "
          + "last list: " + e.getMessage() + hint);
    } else if (r.refreshed()) {
      data.problems().clear("inventory");
      reconcile(r.inventory());
    }
    Inventory inv = r.inventory();
    data.status().inventory(inv.zones().size(), inv.excluded(), inv.inactive(),
        inv.accounts().size());
    return inv;
  }

  /** Zones and accounts no longer listed lose their series, cursors and what was learnt. */
  private void reconcile(Inventory inventory) {
    Map<String, Scope> now = new HashMap<>();
    inventory.zones().forEach(z -> now.put(z.id(), z));
    inventory.accounts().forEach(a -> now.putIfAbsent(a.id(), a));
    for (String gone : polled.keySet()) {
      if (!now.containsKey(gone)) {
        data.store().dropOwner(gone);
        data.cursors().forget(gone);
        data.capabilities().forget(gone);
        data.ruleNames().forget(gone);
      }
    }
    inventory.zones().forEach(data.capabilities()::planSeen);
    polled.clear();
    polled.putAll(now);
  }

  private void restSources(Inventory inventory, PollSettings s, CloudflareClient client,
      Instant now) {
    for (RestSource source : Sources.REST) {
      if (!s.sources().contains(source.name())) {
        continue;
      }
      for (Scope account : inventory.accounts()) {
        String key = account.id() + '/' + source.name();
        Instant blocked = restBlocked.get(key);
        if (blocked != null && now.isBefore(blocked)) {
          continue;
        }
        StoreUpdate update = new StoreUpdate(s.denied());
        try {
          source.fetch(client, account, update);
          data.store().apply(update, now.toEpochMilli(), s.topN());
          data.health().succeeded(source.name());
          data.health().windowEnd(source.name(), now);
        } catch (ApiException e) {
          if (e.errorClass() == ErrorClass.PERMISSION) {
            restBlocked.put(key, now.plus(Capabilities.PERMISSION_RECHECK));
            data.problems().report("permission:" + source.permission(), "the API token lacks "
                + "the permission '" + source.permission() + "' needed for " + source.name()
                + " (" + account.describe() + "): " + e.getMessage());
          }
          data.health().failed(source.name(), e.errorClass().label() + ": " + e.getMessage());
        }
      }
    }
  }

  /** Per dataset, the end of the window every polled scope has been counted to. */
  private void windowEnds(Inventory inventory, PollSettings s, Instant now) {
    for (GraphQlDataset d : Sources.GRAPHQL) {
      if (!s.sources().contains(d.name())) {
        continue;
      }
      Instant oldest = null;
      for (Scope scope : d.scope() == Scope.Kind.ZONE ? inventory.zones()
          : inventory.accounts()) {
        if (data.capabilities().level(scope, d, s.freeTier(), now)
            == Capabilities.Level.UNAVAILABLE) {
          continue;
        }
        Instant at = data.cursors().position(scope.id(), d.name());
        if (at != null && (oldest == null || at.isBefore(oldest))) {
          oldest = at;
        }
      }
      data.health().windowEnd(d.name(), oldest);
    }
  }
}
