package io.exporters.redis.collector;

import io.exporters.common.collector.Collector;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricSink;
import io.exporters.redis.client.RedisConnection;
import io.exporters.redis.client.Replies;
import io.exporters.redis.info.Numbers;
import io.exporters.redis.settings.Output;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code --export-client-list}: one series per client connection from {@code CLIENT LIST}:
 * {@code redis_connected_client_info} and per-client buffers, memory, subscriptions and times
 * (labelled by client id and name); under {@code --compat=1.45} that version's single
 * {@code redis_connected_clients_details}. High cardinality by nature: opt-in.
 */
public final class ClientListCollector implements Collector<RedisConnection> {
  /** CLIENT LIST field, metric suffix, whether it is an age turned into a timestamp. */
  private static final String[][] PER_CLIENT = {
      {"omem", "output_buffer_memory_usage_bytes"}, {"tot-mem", "total_memory_consumed_bytes"},
      {"age", "created_at_timestamp"}, {"idle", "idle_since_timestamp"},
      {"sub", "channel_subscriptions_count"}, {"psub", "pattern_matching_subscriptions_count"},
      {"ssub", "shard_channel_subscriptions_count"}, {"qbuf", "query_buffer_length_bytes"},
      {"qbuf-free", "query_buffer_free_space_bytes"}, {"obl", "output_buffer_length_bytes"},
      {"oll", "output_list_length"}};

  private final Output out;
  private final boolean withPort;
  private final Clock clock;

  public ClientListCollector(Output out, boolean withPort, Clock clock) {
    this.out = out;
    this.withPort = withPort;
    this.clock = clock;
  }

  @Override
  public void collect(ScrapeContext<RedisConnection> ctx, MetricSink sink) throws Exception {
    RedisConnection connection = ctx.connection().limitTo(ctx.deadline());
    Optional<Object> reply = connection.callIfAllowed("client", "CLIENT", "LIST");
    if (reply.isEmpty()) {
      return;
    }
    long now = clock.millis() / 1000;
    for (String line : Replies.text(reply.get()).split("\n")) {
      Map<String, String> client = fields(line.strip());
      if (client.containsKey("id") && client.containsKey("addr")) {
        write(client, now, sink);
      }
    }
  }

  private void write(Map<String, String> c, long now, MetricSink sink) {
    String addr = c.get("addr");
    int colon = addr.lastIndexOf(':');
    String host = colon < 0 ? addr : addr.substring(0, colon);
    String port = colon < 0 ? "" : addr.substring(colon + 1);
    List<String> names = new ArrayList<>();
    List<String> values = new ArrayList<>();
    if (out.v145()) {
      add(names, values, "name", c.get("name"), "created_at", since(now, c.get("age")),
          "idle_since", since(now, c.get("idle")), "flags", c.get("flags"), "db", c.get("db"),
          "omem", c.get("omem"), "cmd", c.get("cmd"), "host", host);
    } else {
      add(names, values, "id", c.get("id"), "name", c.get("name"), "flags", c.get("flags"),
          "db", c.get("db"), "host", host);
    }
    if (withPort) {
      add(names, values, "port", port);
    }
    // 1.45 had neither the user nor the protocol.
    for (String optional : out.v145() ? List.<String>of() : List.of("user", "resp")) {
      String value = c.get(optional);
      if (value != null && !value.isEmpty()) {
        add(names, values, optional, value);
      }
    }
    String family = out.v145() ? "connected_clients_details" : "connected_client_info";
    sink.gauge(out.name(family), "Details about connected clients",
        names.toArray(String[]::new)).add(1, values.toArray(String[]::new));
    if (out.v145()) {
      return;
    }
    for (String[] field : PER_CLIENT) {
      Double value = Numbers.parse(c.get(field[0]));
      if (value == null) {
        continue;
      }
      boolean age = field[0].equals("age") || field[0].equals("idle");
      sink.gauge(out.name("connected_client_" + field[1]), "Client " + field[0]
          + (age ? " as a unix timestamp" : ""), "id", "name")
          .add(age ? now - value : value, c.get("id"), c.getOrDefault("name", ""));
    }
  }

  private static Map<String, String> fields(String line) {
    Map<String, String> out = new HashMap<>();
    for (String part : line.split(" ")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        out.put(part.substring(0, eq), part.substring(eq + 1));
      }
    }
    return out;
  }

  private static String since(long now, String age) {
    Long seconds = Numbers.parseLong(age);
    return seconds == null ? "" : Long.toString(now - seconds);
  }

  private static void add(List<String> names, List<String> values, String... pairs) {
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      names.add(pairs[i]);
      values.add(pairs[i + 1] == null ? "" : pairs[i + 1]);
    }
  }
}
