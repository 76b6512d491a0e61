package io.exporters.redis.collector;

import io.exporters.common.metrics.MetricSink;
import io.exporters.redis.info.Info;
import io.exporters.redis.info.Numbers;
import io.exporters.redis.info.Pairs;
import io.exporters.redis.settings.Output;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The Keyspace section: keys, expiring keys and average TTL per database, read by field name
 * (KeyDB's {@code cached_keys}, Redis 7.4's {@code subexpiry} and Valkey 9's
 * {@code keys_with_volatile_items} are told apart, not taken by position). Databases absent from
 * INFO are padded with zero keys, as redis_exporter does, up to the server's database count.
 */
final class KeyspaceMetrics {
  private KeyspaceMetrics() {}

  static void write(Info info, Output out, int databases, boolean padEmpty, MetricSink sink) {
    MetricSink.SeriesWriter keys = sink.gauge(out.name("db_keys"), "Total number of keys by DB",
        "db");
    MetricSink.SeriesWriter expiring = sink.gauge(out.name("db_keys_expiring"),
        "Total number of expiring keys by DB", "db");
    Set<String> seen = new HashSet<>();
    for (Info.Field field : info.section("Keyspace")) {
      String db = field.name();
      if (!db.startsWith("db")) {
        continue;
      }
      Map<String, String> values = Pairs.parse(field.value());
      Double keyCount = Numbers.parse(values.get("keys"));
      Double expires = Numbers.parse(values.get("expires"));
      if (keyCount == null || expires == null) {
        continue;
      }
      seen.add(db);
      keys.add(keyCount, db);
      expiring.add(expires, db);
      Double avgTtl = Numbers.parse(values.get("avg_ttl"));
      if (avgTtl != null) {
        sink.gauge(out.name("db_avg_ttl_seconds"), "Avg TTL in seconds", "db")
            .add(avgTtl / 1000, db);
      }
      Double cached = Numbers.parse(values.get("cached_keys"));
      if (cached != null) {
        sink.gauge(out.name("db_keys_cached"), "Total number of cached keys by DB", "db")
            .add(cached, db);
      }
      Double withExpiringItems = Numbers.parse(values.getOrDefault("subexpiry",
          values.get("keys_with_volatile_items")));
      if (withExpiringItems != null && !out.v145()) {
        sink.gauge(out.name("db_keys_with_expiring_items"),
            "Total number of keys with expiring sub-items (hash fields) by DB", "db")
            .add(withExpiringItems, db);
      }
    }
    if (padEmpty) {
      for (int i = 0; i < databases; i++) {
        String db = "db" + i;
        if (!seen.contains(db)) {
          keys.add(0, db);
          expiring.add(0, db);
        }
      }
    }
  }
}
