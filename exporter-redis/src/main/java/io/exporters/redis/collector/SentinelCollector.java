package io.exporters.redis.collector;

import io.exporters.common.collector.Collector;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricSink;
import io.exporters.redis.client.RedisConnection;
import io.exporters.redis.client.RedisError;
import io.exporters.redis.client.Replies;
import io.exporters.redis.info.Numbers;
import io.exporters.redis.settings.Output;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Sentinel's view of each master it watches: quorum check, settings, and how many of its
 * Sentinels and replicas are not down ({@code SENTINEL MASTERS}, {@code CKQUORUM},
 * {@code SENTINELS}, {@code SLAVES}, pipelined per master); with
 * {@code --include-config-metrics} also {@code SENTINEL CONFIG GET *}. Only asked of Sentinels.
 */
public final class SentinelCollector implements Collector<RedisConnection> {
  private static final String[] SETTINGS = {"quorum", "sentinel_master_setting_ckquorum",
      "failover-timeout", "sentinel_master_setting_failover_timeout",
      "parallel-syncs", "sentinel_master_setting_parallel_syncs",
      "down-after-milliseconds", "sentinel_master_setting_down_after_milliseconds",
      "config-epoch", "sentinel_master_config_epoch"};

  private final Output out;
  private final boolean config;

  public SentinelCollector(Output out, boolean config) {
    this.out = out;
    this.config = config;
  }

  @Override
  public void collect(ScrapeContext<RedisConnection> ctx, MetricSink sink) throws Exception {
    RedisConnection connection = ctx.connection().limitTo(ctx.deadline());
    if (!connection.facts().isSentinel()) {
      return;
    }
    for (Object master : Replies.list(connection.call("SENTINEL", "MASTERS"))) {
      Map<String, Object> fields = Replies.map(master);
      String name = Replies.text(fields.get("name"));
      String ip = Replies.text(fields.get("ip"));
      String port = Replies.text(fields.get("port"));
      if (name == null || ip == null || port == null) {
        continue;
      }
      master(connection, name, ip + ":" + port, fields, sink);
    }
    if (config && !out.v145()) {
      for (Map.Entry<String, Object> e : Replies.map(
          connection.call("SENTINEL", "CONFIG", "GET", "*")).entrySet()) {
        String value = Replies.text(e.getValue());
        sink.gauge(out.name("sentinel_config_key_value"), "Sentinel config key and value",
            "key", "value").add(1, e.getKey(), value);
        Double number = Numbers.parse(value);
        if (number != null) {
          sink.gauge(out.name("sentinel_config_value"), "Sentinel config value as metric",
              "key").add(number, e.getKey());
        }
      }
    }
  }

  private void master(RedisConnection connection, String name, String address,
      Map<String, Object> fields, MetricSink sink) {
    List<Object> replies = connection.pipeline(List.of(
        new String[] {"SENTINEL", "CKQUORUM", name}, new String[] {"SENTINEL", "SENTINELS", name},
        new String[] {"SENTINEL", "SLAVES", name}));
    Object quorum = replies.get(0);
    boolean ok = !(quorum instanceof RedisError);
    sink.gauge(out.name("sentinel_master_ckquorum_status"), "Master ckquorum status",
        "master_name", "message").add(ok ? 1 : 0, name,
        ok ? Replies.text(quorum) : ((RedisError) quorum).getMessage());
    for (int i = 0; i < SETTINGS.length; i += 2) {
      if (out.v145() && SETTINGS[i].equals("config-epoch")) {
        continue;
      }
      Double value = Numbers.parse(Replies.text(fields.get(SETTINGS[i])));
      sink.gauge(out.name(SETTINGS[i + 1]), "Show the current " + SETTINGS[i]
          + " config for each master", "master_name", "master_address")
          .add(value == null ? 0 : value, name, address);
    }
    if (!out.v145()) {
      Double lastOk = Numbers.parse(Replies.text(fields.get("last-ok-ping-reply")));
      sink.gauge(out.name("sentinel_master_last_ok_ping_reply_seconds"),
          "Seconds since the master last answered a PING", "master_name", "master_address")
          .add(lastOk == null ? 0 : lastOk / 1000, name, address);
    }
    // This Sentinel counts itself: SENTINELS lists only the others.
    sink.gauge(out.name("sentinel_master_ok_sentinels"),
        "The number of okay sentinels monitoring this master", "master_name", "master_address")
        .add(1 + healthy(replies.get(1)), name, address);
    sink.gauge(out.name("sentinel_master_ok_slaves"), "The number of okay slaves of the master",
        "master_name", "master_address").add(healthy(replies.get(2)), name, address);
  }

  /** Entries whose flags say neither subjectively nor objectively down. */
  private static int healthy(Object reply) {
    if (reply instanceof RedisError) {
      return 0;
    }
    List<String> flags = new ArrayList<>();
    for (Object entry : Replies.list(reply)) {
      flags.add(String.valueOf(Replies.text(Replies.map(entry).get("flags"))));
    }
    return (int) flags.stream().filter(f -> !f.equals("null") && !f.contains("s_down")
        && !f.contains("o_down")).count();
  }
}
