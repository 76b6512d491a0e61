package io.exporters.cloudflare.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A fake Cloudflare API on a loopback port: the REST lists (paged as Cloudflare pages them,
 * at most 50 per page), rulesets, pools, tunnels and the GraphQL endpoint, answering with the
 * reference's real shapes and {@link FakeData}'s values. Records every request; faults are
 * injected per test (an interceptor, a zone whose plan lacks a dataset, an error once, a delay).
 */
public final class FakeCloudflare implements AutoCloseable {
  /** One request as received. */
  public record Recorded(String method, String path, String query, String authorization,
      String body) {}

  /** An answer that overrides the fake's own. */
  public record Reply(int status, Map<String, String> headers, String body, Duration delay) {
    public static Reply of(int status, String body) {
      return new Reply(status, Map.of(), body, Duration.ZERO);
    }
  }

  static final String BASE = "/client/v4";

  static {
    // The JDK server writes headers and body apart; without this, Nagle and delayed ACKs
    // stall each answer ~40 ms. Read once, when the server classes load.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  final FakeAccounts accounts;
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Set<String>> lacking = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> lackingFields = new ConcurrentHashMap<>();
  private final Map<String, String> failOnce = new ConcurrentHashMap<>();
  private volatile Function<Recorded, Reply> interceptor = r -> null;
  private volatile Duration delay = Duration.ZERO;

  public FakeCloudflare(FakeAccounts accounts) throws IOException {
    this(accounts, 0);
  }

  public FakeCloudflare(FakeAccounts accounts, int port) throws IOException {
    this.accounts = accounts;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "fake-cloudflare");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/", this::handle);
    server.start();
  }

  /** The API base URL to configure: {@code http://127.0.0.1:<port>/client/v4}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + BASE;
  }

  public FakeAccounts accounts() {
    return accounts;
  }

  public List<Recorded> requests() {
    return List.copyOf(requests);
  }

  public long graphqlRequests() {
    return requests.stream().filter(r -> r.path().startsWith(BASE + "/graphql")).count();
  }

  public void clearRequests() {
    requests.clear();
  }

  /** Answers the requests it returns a reply for (null: the fake's own answer). */
  public void intercept(Function<Recorded, Reply> interceptor) {
    this.interceptor = interceptor;
  }

  /** The zone's plan lacks the dataset behind {@code alias}. */
  public void lacks(String zoneId, String alias) {
    lacking.computeIfAbsent(zoneId, k -> ConcurrentHashMap.newKeySet()).add(alias);
  }

  /** The zone's plan lacks the quantile fields of {@code alias}. */
  public void lacksFields(String zoneId, String alias) {
    lackingFields.computeIfAbsent(zoneId, k -> ConcurrentHashMap.newKeySet()).add(alias);
  }

  /** The next answer for the zone carries {@code message} as an error for {@code alias}. */
  public void failOnce(String zoneId, String alias, String message) {
    failOnce.put(zoneId + "/" + alias, message);
  }

  /** Every answer comes this late (a slow API). */
  public void delay(Duration delay) {
    this.delay = delay;
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      if (auth == null && ex.getRequestHeaders().getFirst("X-Auth-Key") != null) {
        auth = "key " + ex.getRequestHeaders().getFirst("X-Auth-Email") + " "
            + ex.getRequestHeaders().getFirst("X-Auth-Key");
      }
      Recorded r = new Recorded(ex.getRequestMethod(), ex.getRequestURI().getPath(),
          ex.getRequestURI().getRawQuery(), auth, body);
      requests.add(r);
      Reply reply = interceptor.apply(r);
      if (reply == null) {
        reply = answer(r);
      }
      long wait = reply.delay().plus(delay).toMillis();
      if (wait > 0) {
        Thread.sleep(wait);
      }
      reply.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
      ex.getResponseHeaders().set("Content-Type", "application/json");
      byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // The client gave up (a deadline): nothing to answer.
    }
  }

  private Reply answer(Recorded r) throws IOException {
    if (!accounts.accepts(r.authorization())) {
      return r.path().startsWith(BASE + "/graphql")
          ? Reply.of(401, "{\"data\":null,\"errors\":[{\"message\":\"Unauthorized\",\"path\":"
              + "null,\"extensions\":{\"timestamp\":\"2024-05-20T10:00:00Z\"}}]}")
          : Reply.of(401, "{\"success\":false,\"errors\":[{\"code\":1000,\"message\":"
              + "\"Invalid API Token\"}],\"messages\":[],\"result\":null}");
    }
    String path = r.path().substring(BASE.length());
    if (path.equals("/graphql") || path.equals("/graphql/")) {
      return Reply.of(200, graphql(JSON.readTree(r.body())).toString());
    }
    Map<String, String> q = query(r.query());
    String[] p = path.substring(1).split("/");
    if (p[0].equals("accounts") && p.length == 1) {
      return page(accounts.accountJson(), q);
    }
    if (p[0].equals("accounts") && p.length == 2) {
      return ok(accounts.accountJson().stream().filter(a -> a.path("id").asText().equals(p[1]))
          .findFirst().orElse(null));
    }
    if (p[0].equals("zones") && p.length == 1) {
      return page(accounts.zoneJson(q.get("account.id")), q);
    }
    if (p[0].equals("zones") && p.length == 3) {
      return ok(accounts.rulesets());
    }
    if (p[0].equals("zones") && p.length == 4) {
      return ok(accounts.ruleset(p[3]));
    }
    if (p.length >= 4 && p[2].equals("load_balancers")) {
      return page(accounts.pools(), q);
    }
    if (p.length == 3 && p[2].equals("cfd_tunnel")) {
      return page(accounts.tunnels(), q);
    }
    if (p.length == 5 && p[2].equals("cfd_tunnel")) {
      return ok(accounts.connectors());
    }
    return Reply.of(404, "{\"success\":false,\"errors\":[{\"code\":7003,\"message\":\"Could "
        + "not route to " + path + "\"}],\"messages\":[],\"result\":null}");
  }

  private ObjectNode graphql(JsonNode body) {
    GraphqlRequest req = GraphqlRequest.parse(body);
    int limit = body.path("variables").path("limit").asInt(10_000);
    ObjectNode out = JSON.createObjectNode();
    ArrayNode errors = JSON.createArrayNode();
    ObjectNode viewer = out.putObject("data").putObject("viewer");
    if (req.account() != null) {
      ObjectNode account = viewer.putArray("accounts").addObject();
      for (GraphqlRequest.Node n : req.nodes()) {
        account.set(n.alias(), cut(FakeData.accountRows(n, accounts.scripts()), limit));
      }
    } else {
      ArrayNode zones = viewer.putArray("zones");
      for (String id : req.zones()) {
        int index = accounts.zoneIndex(id);
        if (index < 0) {
          continue;
        }
        ObjectNode zone = zones.addObject().put("zoneTag", id);
        for (GraphqlRequest.Node n : req.nodes()) {
          String alias = n.alias().split("__")[0];
          String error = failOnce.remove(id + "/" + alias);
          if (error == null && lacking.getOrDefault(id, Set.of()).contains(alias)) {
            error = "zone '" + id + "' does not have access to the path";
          }
          if (error == null && n.selection().contains("quantiles")
              && lackingFields.getOrDefault(id, Set.of()).contains(alias)) {
            error = "zone '" + id + "' does not have access to the field";
          }
          if (error != null) {
            zone.putNull(n.alias());
            ObjectNode e = errors.addObject().put("message", error);
            e.putArray("path").add("viewer").add("zones").add(
                Integer.toString(zones.size() - 1)).add(n.alias());
            e.putObject("extensions").put("timestamp", "2024-05-20T10:00:00Z");
          } else {
            zone.set(n.alias(), n.alias().equals("load_balancers__pools")
                ? FakeAccounts.poolHealth(index) : cut(FakeData.zoneRows(n, index, 2), limit));
          }
        }
      }
    }
    if (errors.isEmpty()) {
      out.putNull("errors");
    } else {
      out.set("errors", errors);
    }
    return out;
  }

  /** Cloudflare returns at most {@code limit} rows, silently. */
  private static JsonNode cut(JsonNode rows, int limit) {
    if (rows.size() <= limit) {
      return rows;
    }
    ArrayNode out = JSON.createArrayNode();
    for (int i = 0; i < limit; i++) {
      out.add(rows.get(i));
    }
    return out;
  }

  private static Reply ok(JsonNode result) {
    if (result == null) {
      return Reply.of(404, "{\"success\":false,\"errors\":[{\"code\":7003,\"message\":\"Not "
          + "found\"}],\"messages\":[],\"result\":null}");
    }
    ObjectNode env = JSON.createObjectNode();
    env.set("result", result);
    env.put("success", true).putArray("errors");
    env.putArray("messages");
    return Reply.of(200, env.toString());
  }

  /** Cloudflare's paging: per_page at most 50, page from 1, result_info with totals. */
  private static Reply page(List<JsonNode> items, Map<String, String> q) {
    int perPage = Math.min(50, Integer.parseInt(q.getOrDefault("per_page", "20")));
    int page = Integer.parseInt(q.getOrDefault("page", "1"));
    int totalPages = Math.max(1, (items.size() + perPage - 1) / perPage);
    List<JsonNode> slice = items.subList(Math.min(items.size(), (page - 1) * perPage),
        Math.min(items.size(), page * perPage));
    ObjectNode env = JSON.createObjectNode();
    env.putArray("result").addAll(new ArrayList<>(slice));
    env.putObject("result_info").put("page", page).put("per_page", perPage)
        .put("total_pages", totalPages).put("count", slice.size())
        .put("total_count", items.size());
    env.put("success", true).putArray("errors");
    env.putArray("messages");
    return Reply.of(200, env.toString());
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw != null) {
      for (String kv : raw.split("&")) {
        String[] parts = kv.split("=", 2);
        out.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
            parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
      }
    }
    return out;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
