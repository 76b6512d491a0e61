package io.exporters.cloudflare.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fake's analytics: every value is a function of (zone or script index, minute), so a test
 * knows exactly what each window holds and what a counter must read after any sequence of
 * polls. Rows have the shapes of the reference's real answers; adaptive rows are summed over
 * the window and over dimensions not asked for, as Cloudflare groups them.
 */
public final class FakeData {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private FakeData() {}

  /** Requests of zone {@code zone} (0-based) in epoch minute {@code minute}. */
  public static long requests(int zone, long minute) {
    return (zone + 1) * 100L + minute % 60;
  }

  /** 5xx answers at the edge of zone {@code zone} in a minute. */
  public static long edge5xx(int zone, long minute) {
    return 2 + minute % 3;
  }

  /** Requests of Worker script {@code script} (0-based) with status success in a minute. */
  public static long workerRequests(int script, long minute) {
    return 10L + script + minute % 7;
  }

  /** Firewall events of a zone in a minute (rule r1, blocked). */
  public static long firewallEvents(int zone, long minute) {
    return 1 + minute % 5;
  }

  static String host(int zone, int i) {
    return (i == 0 ? "api" : "www") + ".zone" + zone + ".example";
  }

  /** The rows of one zone node over its window. */
  static JsonNode zoneRows(GraphqlRequest.Node node, int zone, int hosts) {
    ArrayNode out = F.arrayNode();
    if (node.alias().equals("http_requests")) {
      for (long m : node.minutes()) {
        out.add(minuteGroup(zone, m));
      }
      return out;
    }
    List<ObjectNode> rows = new ArrayList<>();
    for (long m : node.minutes()) {
      rows.addAll(adaptive(node.alias(), zone, m, hosts));
    }
    return group(rows, node.dimensions());
  }

  private static ObjectNode minuteGroup(int zone, long m) {
    long r = requests(zone, m);
    ObjectNode row = F.objectNode();
    row.putObject("dimensions").put("datetime", Instant.ofEpochSecond(m * 60).toString());
    row.putObject("uniq").put("uniques", r / 10);
    ObjectNode sum = row.putObject("sum");
    sum.put("requests", r).put("cachedRequests", r * 7 / 10).put("encryptedRequests", r - 1)
        .put("bytes", r * 1000).put("cachedBytes", r * 700).put("encryptedBytes", r * 999)
        .put("threats", threats(m)).put("pageViews", r / 2);
    ArrayNode types = sum.putArray("contentTypeMap");
    types.addObject().put("edgeResponseContentTypeName", "json").put("requests", r - r / 4)
        .put("bytes", (r - r / 4) * 1000);
    types.addObject().put("edgeResponseContentTypeName", "html").put("requests", r / 4)
        .put("bytes", r / 4 * 1000);
    ArrayNode countries = sum.putArray("countryMap");
    countries.addObject().put("clientCountryName", "US").put("requests", r - 7)
        .put("bytes", (r - 7) * 1000).put("threats", threats(m));
    countries.addObject().put("clientCountryName", "DE").put("requests", 7).put("bytes", 7000)
        .put("threats", 0);
    ArrayNode statuses = sum.putArray("responseStatusMap");
    statuses.addObject().put("edgeResponseStatus", 200).put("requests", r - edge5xx(zone, m));
    statuses.addObject().put("edgeResponseStatus", 503).put("requests", edge5xx(zone, m));
    sum.putArray("browserMap").addObject().put("uaBrowserFamily", "Chrome")
        .put("pageViews", r / 2);
    ArrayNode threats = sum.putArray("threatPathingMap");
    threats.addObject().put("threatPathingName", "user.ban.ctry").put("requests", threats(m));
    return row;
  }

  /**
   * Threats of a zone in a minute, all from the US and of one type: at least one in every
   * minute, so whichever window a poll reads, the threat series are there.
   */
  static long threats(long minute) {
    return 1 + minute % 3;
  }

  private static List<ObjectNode> adaptive(String alias, int zone, long m, int hosts) {
    long r = requests(zone, m);
    List<ObjectNode> rows = new ArrayList<>();
    String h0 = host(zone, 0);
    String h1 = host(zone, Math.min(1, hosts - 1));
    switch (alias) {
      case "cache_status" -> {
        rows.add(row(r * 7 / 10, Map.of("cacheStatus", "hit")).put("bytes", r * 700));
        rows.add(row(r - r * 7 / 10, Map.of("cacheStatus", "dynamic")).put("bytes", r * 300));
      }
      case "edge_status" -> {
        rows.add(row(r - edge5xx(zone, m) - 7, Map.of("edgeResponseStatus", 200,
            "clientCountryName", "US", "clientRequestHTTPHost", h0)));
        rows.add(row(7, Map.of("edgeResponseStatus", 200, "clientCountryName", "DE",
            "clientRequestHTTPHost", h1)));
        rows.add(row(edge5xx(zone, m), Map.of("edgeResponseStatus", 503,
            "clientCountryName", "US", "clientRequestHTTPHost", h0)));
      }
      case "edge_latency" -> {
        for (int h = 0; h < hosts; h++) {
          ObjectNode row = row(r / hosts, Map.of("clientRequestHTTPHost", host(zone, h)));
          row.putObject("quantiles").put("edgeTimeToFirstByteMsP50", 80 + zone)
              .put("edgeTimeToFirstByteMsP95", 1500 + 10 * zone)
              .put("edgeTimeToFirstByteMsP99", 3000 + zone);
          rows.add(row);
        }
      }
      case "origin_status" -> {
        for (int h = 0; h < hosts; h++) {
          ObjectNode row = row(r / 3 / hosts, Map.of("originResponseStatus", 200,
              "clientCountryName", "US", "clientRequestHTTPHost", host(zone, h)));
          row.putObject("quantiles").put("originResponseDurationMsP50", 120.5)
              .put("originResponseDurationMsP95", 900).put("originResponseDurationMsP99", 2100);
          rows.add(row);
        }
        rows.add(row(1, Map.of("originResponseStatus", 502, "clientCountryName", "DE",
            "clientRequestHTTPHost", h0)));
      }
      case "colocation" -> {
        for (String colo : List.of("FRA", "IAD", "SIN")) {
          for (int h = 0; h < hosts; h++) {
            rows.add(row(r / 6, Map.of("coloCode", colo, "clientRequestHTTPHost",
                host(zone, h))).put("visits", r / 12).put("bytes", r * 100));
          }
        }
      }
      case "firewall_events" -> rows.add(row(firewallEvents(zone, m), Map.of("action", "block",
          "source", "firewallCustom", "ruleId", "r1", "clientRequestHTTPHost", h0,
          "clientCountryName", "CN")));
      case "health_checks" -> rows.add(row(1, Map.of("healthStatus", "healthy", "originIP",
          "192.0.2.10", "region", "WNAM", "fqdn", "origin." + h0)));
      case "load_balancers" -> rows.add(row(r / 10, Map.of("lbName", "lb." + h0,
          "selectedPoolName", "pool-a", "selectedOriginName", "origin-1")));
      case "worker_status" -> {
        rows.add(row(0, Map.of("httpResponseStatus", 200)).put("requests", r - 3));
        rows.add(row(0, Map.of("httpResponseStatus", 500)).put("requests", 3));
      }
      case "edge_errors_by_path" -> {
        rows.add(row(2, Map.of("edgeResponseStatus", 404, "clientRequestHTTPHost", h0,
            "clientRequestPath", "/users/" + (m % 97))));
        rows.add(row(1, Map.of("edgeResponseStatus", 500, "clientRequestHTTPHost", h0,
            "clientRequestPath", "/x?y=1")));
      }
      case "logpush_zone" -> rows.add(row(m % 2, Map.of("jobId", 40 + zone,
          "destinationType", "http", "final", 0)));
      default -> { }
    }
    return rows;
  }

  /** Rows of an account node (Workers, Logpush, R2). */
  static JsonNode accountRows(GraphqlRequest.Node node, List<String> scripts) {
    List<ObjectNode> rows = new ArrayList<>();
    if (node.alias().equals("workers")) {
      for (long m : node.minutes()) {
        for (int s = 0; s < scripts.size(); s++) {
          ObjectNode ok = row(0, Map.of("scriptName", scripts.get(s), "status", "success"))
              .put("requests", workerRequests(s, m)).put("errors", 0);
          ok.putObject("quantiles").put("cpuTimeP50", 206).put("cpuTimeP75", 240)
              .put("cpuTimeP99", 291.5).put("cpuTimeP999", 870)
              .put("durationP50", 0.0002).put("durationP75", 0.0003)
              .put("durationP99", 0.0011).put("durationP999", 0.004)
              .put("wallTimeP50", 95_000).put("wallTimeP90", 310_000)
              .put("wallTimeP99", 1_200_000).put("wallTimeP999", 2_900_000);
          rows.add(ok);
          rows.add(row(0, Map.of("scriptName", scripts.get(s), "status",
              "scriptThrewException")).put("requests", 1).put("errors", 1));
        }
      }
      return group(rows, node.dimensions());
    }
    ArrayNode out = F.arrayNode();
    if (node.alias().equals("logpush_account")) {
      // One job whose uploads to S3 fail now and then.
      out.add(row(2, Map.of("jobId", 12, "destinationType", "s3", "final", 1)));
    } else if (node.alias().equals("r2")) {
      ObjectNode bucket = out.addObject();
      bucket.putObject("dimensions").put("bucketName", "assets");
      bucket.putObject("max").put("payloadSize", 5_000_000).put("objectCount", 12);
    } else if (node.alias().equals("r2__operations")) {
      ObjectNode op = out.addObject();
      op.putObject("dimensions").put("bucketName", "assets").put("actionType", "GetObject");
      op.putObject("sum").put("requests", 42);
    }
    return out;
  }

  private static ObjectNode row(long count, Map<String, Object> dims) {
    ObjectNode row = F.objectNode().put("count", count);
    ObjectNode d = row.putObject("dimensions");
    dims.forEach((k, v) -> d.putPOJO(k, v));
    return row;
  }

  /**
   * Groups rows by the dimensions asked for, summing count and the sum fields (kept flat in
   * the generated rows: requests, errors, bytes, visits), quantiles from the latest row.
   */
  private static JsonNode group(List<ObjectNode> rows, Set<String> asked) {
    Map<String, ObjectNode> groups = new LinkedHashMap<>();
    for (ObjectNode row : rows) {
      ObjectNode dims = F.objectNode();
      row.path("dimensions").fields().forEachRemaining(e -> {
        if (asked.contains(e.getKey())) {
          dims.set(e.getKey(), e.getValue());
        }
      });
      ObjectNode g = groups.computeIfAbsent(dims.toString(), k -> {
        ObjectNode n = F.objectNode().put("count", 0);
        n.set("dimensions", dims);
        n.putObject("sum");
        return n;
      });
      g.put("count", g.path("count").asLong() + row.path("count").asLong());
      ObjectNode sum = (ObjectNode) g.get("sum");
      for (String f : List.of("requests", "errors", "visits")) {
        if (row.has(f)) {
          sum.put(f, sum.path(f).asLong() + row.path(f).asLong());
        }
      }
      if (row.has("bytes")) {
        sum.put("edgeResponseBytes", sum.path("edgeResponseBytes").asLong()
            + row.path("bytes").asLong());
      }
      if (row.has("quantiles")) {
        g.set("quantiles", row.get("quantiles"));
      }
    }
    ArrayNode out = F.arrayNode();
    groups.values().stream().sorted((a, b) -> Long.compare(b.path("count").asLong(),
        a.path("count").asLong())).forEach(out::add);
    return out;
  }
}
