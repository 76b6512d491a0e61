package io.exporters.cloudflare.collector;

import io.exporters.cloudflare.api.ApiCalls;
import io.exporters.cloudflare.api.RequestBudget;
import io.exporters.cloudflare.poll.Capabilities;
import io.exporters.cloudflare.poll.CloudflareData;
import io.exporters.cloudflare.poll.PollStatus;
import io.exporters.common.backend.Target;
import io.exporters.common.collector.Collector;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricSink;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The poller's own metrics: whether it is polling, every API request by endpoint, status and
 * error class, the budgets, how far each dataset has been counted, rows cut off, minutes lost,
 * scopes a dataset is not read for, and the inventory. Served even when the API is down.
 */
public final class ExporterCollector implements Collector<CloudflareData> {
  private static final String P = "cloudflare_exporter_";
  private final CloudflareData data;
  private final Duration interval;

  public ExporterCollector(CloudflareData data, Duration interval) {
    this.data = data;
    this.interval = interval;
  }

  @Override
  public void collect(ScrapeContext<CloudflareData> ctx, MetricSink sink) {
    write(sink);
  }

  @Override
  public void reportFailure(MetricSink sink, Target target, double durationSeconds) {
    write(sink);
  }

  private void write(MetricSink sink) {
    PollStatus st = data.status();
    Instant now = data.clock().instant();
    boolean recent = st.lastPoll() != null
        && Duration.between(st.lastPoll(), now).compareTo(interval.multipliedBy(3)) <= 0;
    sink.gauge(P + "up", "Whether the poller ran within the last three poll intervals and its "
        + "latest poll reached the Cloudflare API (1) or not (0).")
        .add(recent && st.reachable() ? 1 : 0);
    if (st.lastPoll() != null) {
      sink.gauge(P + "last_poll_timestamp_seconds", "When the latest poll started.")
          .add(st.lastPoll().toEpochMilli() / 1000.0);
      sink.gauge(P + "last_poll_duration_seconds", "How long the latest poll took.")
          .add(st.lastDuration().toNanos() / 1e9);
    }
    MetricSink.SeriesWriter requests = sink.counter(P + "api_requests_total",
        "Requests sent to the Cloudflare API by endpoint, HTTP status and error class.",
        "endpoint", "error_class", "status");
    for (Map.Entry<ApiCalls.Key, Long> e : data.calls().snapshot().entrySet()) {
      requests.add(e.getValue(), e.getKey().endpoint(), e.getKey().errorClass(),
          e.getKey().status());
    }
    budget(sink, "graphql", data.graphqlBudget());
    budget(sink, "rest", data.restBudget());
    sink.gauge(P + "queries_deferred", "GraphQL queries due at the latest poll that the budget "
        + "left for later polls (their windows are read then).").add(st.deferred());
    sink.gauge(P + "zones_per_query", "Zones asked per GraphQL query (halved when Cloudflare "
        + "finds a query too costly).").add(data.batchSize().value());
    MetricSink.SeriesWriter ends = sink.gauge(P + "last_window_end_timestamp_seconds",
        "End of the newest one-minute window every polled scope of the dataset has been "
            + "counted to (for REST state: the latest successful read). time() minus this is "
            + "how old the data is.", "dataset");
    data.health().windowEnds().forEach((d, at) -> ends.add(at.toEpochMilli() / 1000.0, d));
    MetricSink.SeriesWriter truncated = sink.counter(P + "rows_truncated_total",
        "Answers that reached the row limit, so rows were cut off.", "dataset");
    data.health().truncatedCounts().forEach((d, n) -> truncated.add(n, d));
    MetricSink.SeriesWriter skipped = sink.counter(P + "minutes_skipped_total",
        "Minutes never counted: older than the catch-up bound, or refused by the API's "
            + "limits.", "dataset");
    data.health().skippedMinutes().forEach((d, n) -> skipped.add(n, d));
    MetricSink.SeriesWriter unavailable = sink.gauge(P + "dataset_unavailable",
        "1 for each zone or account a dataset is not read for (its plan lacks it, or the token "
            + "lacks the permission); see /status for why.", "dataset", "scope");
    for (Capabilities.Unavailable u : data.capabilities().unavailable()) {
      unavailable.add(1, u.dataset(), u.scope().name());
    }
    MetricSink.SeriesWriter zones = sink.gauge(P + "zones",
        "Zones by state: polled, excluded (CF_ZONES / CF_EXCLUDE_ZONES) or inactive.", "state");
    zones.add(st.zones(), "polled");
    zones.add(st.excluded(), "excluded");
    zones.add(st.inactive(), "inactive");
    sink.gauge(P + "accounts", "Accounts polled for account datasets.").add(st.accounts());
    sink.gauge(P + "series", "Series held for the data families.").add(data.store().size());
  }

  private static void budget(MetricSink sink, String api, RequestBudget b) {
    sink.gauge(P + "api_budget_used", "Requests sent in the last 5 minutes.", "api")
        .add(b.used(), api);
    sink.gauge(P + "api_budget_limit", "Requests allowed in any 5 minutes.", "api")
        .add(b.limit(), api);
    sink.gauge(P + "api_backoff_seconds", "Seconds left of a pause asked by the API (429 "
        + "Retry-After, budget depleted).", "api").add(b.pauseRemaining().toMillis() / 1000.0,
        api);
  }
}
