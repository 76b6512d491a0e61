package io.exporters.redis.collector;

import io.exporters.common.backend.Version;
import io.exporters.common.collector.Collector;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricSink;
import io.exporters.redis.client.RedisConnection;
import io.exporters.redis.client.Replies;
import io.exporters.redis.info.Numbers;
import io.exporters.redis.settings.Output;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * CONFIG GET (under its configured name): {@code redis_config_maxmemory}, {@code _maxclients},
 * {@code _io_threads} and the client output buffer limits; with
 * {@code --include-config-metrics} every setting as {@code config_key_value} and
 * {@code config_value}, passwords left out unless told otherwise. Where CONFIG is renamed away or
 * not permitted (managed services, ACLs) it is skipped without an error, once found out.
 */
public final class ConfigCollector implements Collector<RedisConnection> {
  private static final Version REDIS_7 = Version.of(7, 0);
  private static final List<String> WANTED = List.of("maxmemory", "maxclients", "io-threads",
      "client-output-buffer-limit");
  private static final Set<String> SECRET = Set.of("masterauth", "requirepass",
      "tls-key-file-pass", "tls-client-key-file-pass");

  private final Output out;
  private final String command;
  private final boolean everything;
  private final boolean redact;

  public ConfigCollector(Output out, String command, boolean everything, boolean redact) {
    this.out = out;
    this.command = command;
    this.everything = everything;
    this.redact = redact;
  }

  @Override
  public void collect(ScrapeContext<RedisConnection> ctx, MetricSink sink) throws Exception {
    RedisConnection connection = ctx.connection().limitTo(ctx.deadline());
    if (command.equals("-") || connection.facts().isSentinel()) {
      return;
    }
    Version version = connection.facts().version();
    // Redis 7 takes several names at once: a short answer instead of ~200 settings.
    boolean some = !everything && version != null && version.atLeast(REDIS_7);
    String[] ask = some ? new String[] {command, "GET", WANTED.get(0), WANTED.get(1),
        WANTED.get(2), WANTED.get(3)} : new String[] {command, "GET", "*"};
    Optional<Object> reply = connection.callIfAllowed("config", ask);
    if (reply.isEmpty()) {
      ctx.debug("CONFIG is not available on this server: skipped");
      return;
    }
    Map<String, Object> settings = Replies.map(reply.get());
    for (Map.Entry<String, Object> e : settings.entrySet()) {
      String key = e.getKey();
      String value = Replies.text(e.getValue());
      if (key == null || value == null) {
        continue;
      }
      if (everything && !(redact && SECRET.contains(key))) {
        sink.gauge(out.name("config_key_value"), "Config key and value", "key", "value")
            .add(1, key, value);
        Double number = Numbers.parse(value);
        if (number != null) {
          sink.gauge(out.name("config_value"), "Config key and value as metric", "key")
              .add(number, key);
        }
      }
      if (WANTED.subList(0, 3).contains(key)) {
        Double number = Numbers.parse(value);
        if (number != null) {
          String metric = "config_" + key.replace('-', '_');
          sink.gauge(out.name(metric), metric + " metric").add(number);
        }
      } else if (key.equals("client-output-buffer-limit") && !out.v145()) {
        bufferLimits(value, sink);
      }
    }
  }

  /** {@code normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60}. */
  private void bufferLimits(String value, MetricSink sink) {
    String[] parts = value.strip().split("\\s+");
    for (int i = 0; i + 3 < parts.length; i += 4) {
      String limitClass = parts[i];
      Double hard = Numbers.parse(parts[i + 1]);
      Double soft = Numbers.parse(parts[i + 2]);
      Double seconds = Numbers.parse(parts[i + 3]);
      MetricSink.SeriesWriter bytes = sink.gauge(
          out.name("config_client_output_buffer_limit_bytes"),
          "The configured buffer limits per class", "class", "limit");
      if (hard != null) {
        bytes.add(hard, limitClass, "hard");
      }
      if (soft != null) {
        bytes.add(soft, limitClass, "soft");
      }
      if (seconds != null) {
        sink.gauge(out.name("config_client_output_buffer_limit_overcome_seconds"),
            "How long for buffer limits per class to be exceeded before replicas are dropped",
            "class", "limit").add(seconds, limitClass, "soft");
      }
    }
  }
}
