package io.exporters.cloudflare.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the fake account holds: accounts, zones (objects shaped as the reference's live
 * capture), Worker scripts, firewall rulesets, load balancer pools, tunnels, and the
 * credentials it accepts. Zones can be removed or made inactive while a test runs.
 */
public final class FakeAccounts {
  public static final String FREE_PLAN = "0feeeeeeeeeeeeeeeeeeeeeeeeeeeeee";
  public static final String ENTERPRISE_PLAN = "94f3b7b768b0458b56d2cac4fe5ec0f9";
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final int accounts;
  private final int zones;
  private final List<String> scripts = new ArrayList<>();
  private final String token;
  private final Set<Integer> removed = ConcurrentHashMap.newKeySet();
  private final Set<Integer> inactive = ConcurrentHashMap.newKeySet();
  private volatile String globalKey;
  private volatile String email;

  public FakeAccounts(int accounts, int zones, int scripts, String token) {
    this.accounts = accounts;
    this.zones = zones;
    this.token = token;
    for (int s = 0; s < scripts; s++) {
      this.scripts.add("api-worker-" + s);
    }
  }

  public FakeAccounts withGlobalKey(String key, String email) {
    this.globalKey = key;
    this.email = email;
    return this;
  }

  public static String zoneId(int i) {
    return String.format("%032x", 0xabc000L + i);
  }

  public static String zoneName(int i) {
    return "zone" + i + ".example";
  }

  public static String accountId(int a) {
    return String.format("%032x", 0xacc000L + a);
  }

  public static String accountName(int a) {
    return "Acme Corp " + a;
  }

  public void remove(int zone) {
    removed.add(zone);
  }

  public void deactivate(int zone) {
    inactive.add(zone);
  }

  List<String> scripts() {
    return scripts;
  }

  boolean accepts(String authorization) {
    return ("Bearer " + token).equals(authorization)
        || (globalKey != null && ("key " + email + " " + globalKey).equals(authorization));
  }

  int zoneIndex(String id) {
    for (int i = 0; i < zones; i++) {
      if (zoneId(i).equals(id) && !removed.contains(i)) {
        return i;
      }
    }
    return -1;
  }

  List<JsonNode> accountJson() {
    List<JsonNode> out = new ArrayList<>();
    for (int a = 0; a < accounts; a++) {
      ObjectNode acc = F.objectNode().put("id", accountId(a)).put("name", accountName(a))
          .put("type", "standard");
      acc.putObject("settings").put("enforce_twofactor", false);
      acc.put("created_on", "2014-03-19T13:10:50.311368Z");
      out.add(acc);
    }
    return out;
  }

  List<JsonNode> zoneJson(String accountId) {
    List<JsonNode> out = new ArrayList<>();
    for (int i = 0; i < zones; i++) {
      int a = i % accounts;
      if (removed.contains(i) || (accountId != null && !accountId.equals(accountId(a)))) {
        continue;
      }
      ObjectNode z = F.objectNode().put("id", zoneId(i)).put("name", zoneName(i))
          .put("status", inactive.contains(i) ? "pending" : "active").put("paused", false)
          .put("type", "full").put("development_mode", 0);
      z.putArray("name_servers").add("burt.ns.cloudflare.com").add("carlane.ns.cloudflare.com");
      z.putObject("account").put("id", accountId(a)).put("name", accountName(a));
      z.putObject("owner").putNull("id").put("type", "user").putNull("email");
      z.putObject("plan").put("id", ENTERPRISE_PLAN).put("name", "Enterprise Website")
          .put("price", 0).put("currency", "USD").put("legacy_id", "enterprise");
      out.add(z);
    }
    return out;
  }

  JsonNode rulesets() {
    ArrayNode out = F.arrayNode();
    out.addObject().put("id", "rs-custom").put("name", "default").put("kind", "zone")
        .put("phase", "http_request_firewall_custom");
    out.addObject().put("id", "rs-dyn").put("name", "ddos").put("kind", "managed")
        .put("phase", "ddos_l7");
    return out;
  }

  JsonNode ruleset(String id) {
    ObjectNode rs = F.objectNode().put("id", id).put("phase", "http_request_firewall_custom");
    rs.putArray("rules").addObject().put("id", "r1").put("description", "Block Bad Bots")
        .put("action", "block");
    return rs;
  }

  List<JsonNode> pools() {
    ObjectNode pool = F.objectNode().put("id", "p1").put("name", "pool-a");
    ArrayNode origins = pool.putArray("origins");
    origins.addObject().put("name", "origin-1").put("address", "192.0.2.10")
        .put("healthy", true);
    origins.addObject().put("name", "origin-2").put("address", "192.0.2.11")
        .put("healthy", false);
    return List.of(pool);
  }

  List<JsonNode> tunnels() {
    return List.of(F.objectNode().put("id", "t-1").put("name", "home").put("tun_type",
        "cfd_tunnel").put("status", "degraded"));
  }

  JsonNode connectors() {
    ArrayNode out = F.arrayNode();
    ObjectNode c = out.addObject().put("id", "c-1").put("arch", "linux_amd64")
        .put("version", "2024.5.0");
    ArrayNode conns = c.putArray("conns");
    conns.addObject().put("colo_name", "FRA").put("origin_ip", "198.51.100.7");
    conns.addObject().put("colo_name", "AMS").put("origin_ip", "198.51.100.7");
    return out;
  }

  static JsonNode poolHealth(int zone) {
    ArrayNode out = F.arrayNode();
    ObjectNode req = out.addObject().put("lbName", "lb." + FakeData.host(zone, 0));
    req.putArray("pools").addObject().put("poolName", "pool-a").put("healthy", true);
    return out;
  }
}
