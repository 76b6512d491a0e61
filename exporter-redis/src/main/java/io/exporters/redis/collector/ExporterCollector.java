package io.exporters.redis.collector;

import io.exporters.common.collector.Collector;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricSink;
import io.exporters.redis.client.RedisConnection;
import io.exporters.redis.settings.Output;

/**
 * redis_exporter's own series that the core does not keep:
 * {@code redis_exporter_last_scrape_connect_time_seconds} (the time to get a working
 * connection: near 0 when a pooled one is reused), {@code _last_scrape_ping_time_seconds} with
 * {@code --ping-on-connect}, and {@code redis_target_scrape_request_errors_total}.
 */
public final class ExporterCollector implements Collector<RedisConnection> {
  private final Output out;
  private final boolean ping;

  public ExporterCollector(Output out, boolean ping) {
    this.out = out;
    this.ping = ping;
  }

  @Override
  public void collect(ScrapeContext<RedisConnection> ctx, MetricSink sink) throws Exception {
    long started = System.nanoTime();
    RedisConnection connection = ctx.connection().limitTo(ctx.deadline());
    sink.gauge(out.name("exporter_last_scrape_connect_time_seconds"),
        "exporter_last_scrape_connect_time_seconds metric")
        .add((System.nanoTime() - started) / 1e9);
    if (ping) {
      long pinged = System.nanoTime();
      connection.call("PING");
      sink.gauge(out.name("exporter_last_scrape_ping_time_seconds"),
          "exporter_last_scrape_ping_time_seconds metric")
          .add((System.nanoTime() - pinged) / 1e9);
    }
    sink.counter(out.name("target_scrape_request_errors_total"),
        "Errors in requests to the exporter").add(ScrapeRequestErrors.count());
  }
}
