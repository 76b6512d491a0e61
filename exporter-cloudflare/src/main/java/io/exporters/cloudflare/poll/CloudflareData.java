package io.exporters.cloudflare.poll;

import io.exporters.cloudflare.api.ApiCalls;
import io.exporters.cloudflare.api.RequestBudget;
import io.exporters.cloudflare.inventory.InventoryLoader;
import io.exporters.cloudflare.inventory.RuleNames;
import io.exporters.cloudflare.settings.CloudflareSettings;
import io.exporters.cloudflare.store.SeriesStore;
import java.time.Clock;

/**
 * Everything the poller learns and keeps for the life of the process: the series, the API's
 * budgets and call counts, where each dataset stands, what each scope may read, and the
 * poller's health. Scrapes read it; only the poller writes it. This is the "connection" the
 * core hands to collectors.
 */
public final class CloudflareData {
  private final Clock clock;
  private final SeriesStore store = new SeriesStore();
  private final ApiCalls calls = new ApiCalls();
  private final RequestBudget graphqlBudget;
  private final RequestBudget restBudget;
  private final Cursors cursors = new Cursors();
  private final Capabilities capabilities = new Capabilities();
  private final SourceHealth health = new SourceHealth();
  private final PollStatus status = new PollStatus();
  private final Problems problems = new Problems();
  private final InventoryLoader inventory = new InventoryLoader();
  private final RuleNames ruleNames = new RuleNames();
  private final BatchSize batchSize = new BatchSize();

  public CloudflareData(Clock clock) {
    this.clock = clock;
    this.graphqlBudget = new RequestBudget(CloudflareSettings.GRAPHQL_QUOTA, clock);
    this.restBudget = new RequestBudget(CloudflareSettings.REST_QUOTA, clock);
  }

  public Clock clock() {
    return clock;
  }

  public SeriesStore store() {
    return store;
  }

  public ApiCalls calls() {
    return calls;
  }

  public RequestBudget graphqlBudget() {
    return graphqlBudget;
  }

  public RequestBudget restBudget() {
    return restBudget;
  }

  public Cursors cursors() {
    return cursors;
  }

  public Capabilities capabilities() {
    return capabilities;
  }

  public SourceHealth health() {
    return health;
  }

  public PollStatus status() {
    return status;
  }

  public Problems problems() {
    return problems;
  }

  InventoryLoader inventory() {
    return inventory;
  }

  RuleNames ruleNames() {
    return ruleNames;
  }

  public BatchSize batchSize() {
    return batchSize;
  }
}
