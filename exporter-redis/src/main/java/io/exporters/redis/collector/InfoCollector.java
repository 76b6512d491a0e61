package io.exporters.redis.collector;

import io.exporters.common.backend.Version;
import io.exporters.common.collector.Collector;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricSink;
import io.exporters.redis.client.RedisConnection;
import io.exporters.redis.client.ServerFacts;
import io.exporters.redis.info.Info;
import io.exporters.redis.settings.Output;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Everything redis_exporter derives from one {@code INFO ALL}: the plain fields, the instance
 * and replication series, keyspace (padded), commandstats, latency percentiles, errorstats and
 * Sentinel's section; then, on Redis 7+, {@code LATENCY HISTOGRAM} for the per-command
 * histograms (which need this INFO's command times). One INFO per scrape, as the anchor.
 */
public final class InfoCollector implements Collector<RedisConnection> {
  private static final Version REDIS_7 = Version.of(7, 0);

  /** What the info collector exports beyond the defaults. */
  public record Options(boolean systemMetrics, boolean padEmptyDatabases,
      boolean latencyHistograms) {}

  private final Output out;
  private final Options options;
  private final Clock clock;
  private final FieldMetrics fields;

  public InfoCollector(Output out, Options options, Clock clock) {
    this.out = out;
    this.options = options;
    this.clock = clock;
    this.fields = new FieldMetrics(out, options.systemMetrics());
  }

  @Override
  public void collect(ScrapeContext<RedisConnection> ctx, MetricSink sink) throws Exception {
    RedisConnection connection = ctx.connection().limitTo(ctx.deadline());
    ServerFacts facts = connection.facts();
    Info info = Info.parse(connection.info("all"));
    ctx.debug("INFO ALL: " + info.fields().size() + " fields");
    String runId = info.get("run_id");
    if (runId != null && !facts.runId().isEmpty() && !runId.equals(facts.runId())) {
      // Restarted or replaced since its facts were found: find them again next time.
      connection.serverChanged(facts);
    }
    Map<String, String> stats =
        write(info, fields, out, options, clock.millis() / 1000, databases(info, facts), sink);
    if (options.latencyHistograms() && !facts.isSentinel()
        && (facts.version() == null || facts.version().atLeast(REDIS_7))) {
      Optional<Object> histogram =
          connection.callIfAllowed("latency|histogram", "LATENCY", "HISTOGRAM");
      if (histogram.isPresent()) {
        LatencyHistogramMetrics.write(histogram.get(), stats, out, sink);
      }
    }
  }

  /** The INFO-derived families of one reply; returns its commandstats for the histograms. */
  static Map<String, String> write(Info info, FieldMetrics fields, Output out,
      Options options, long nowSeconds, int databases, MetricSink sink) {
    fields.write(info, sink);
    InstanceMetrics.write(info, out, nowSeconds, sink);
    ReplicationMetrics.write(info, out, sink);
    KeyspaceMetrics.write(info, out, databases, options.padEmptyDatabases(), sink);
    Map<String, String> stats = CommandMetrics.stats(info);
    CommandMetrics.write(info, stats, out, sink);
    ErrorMetrics.write(info, out, sink);
    SentinelInfoMetrics.write(info, out, sink);
    return stats;
  }

  /** A cluster has one database, whatever CONFIG said; INFO is the fresher witness. */
  private static int databases(Info info, ServerFacts facts) {
    return "1".equals(info.get("cluster_enabled")) ? 1 : facts.databases();
  }
}
