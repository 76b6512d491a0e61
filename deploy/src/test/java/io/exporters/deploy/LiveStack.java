package io.exporters.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.exporters.testkit.Await;
import io.exporters.testkit.Backends;
import io.exporters.testkit.ExporterProcess;
import io.exporters.testkit.PrivatePostgres;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compose stack run here without containers: docker-compose.yml's PostgreSQL (with its
 * init.sql) and Redis and its replica (with their command lines) as private processes, the demo service from its
 * nginx.conf, the load jobs' scripts, the four exporters with the environment, command and
 * mounted files compose gives them, a real Alertmanager with deploy/alertmanager's config, and a
 * real Prometheus with deploy/prometheus/prometheus.yml and its rules. Only addresses and intervals change: compose's host names become these
 * processes' loopback ports, and Prometheus scrapes and evaluates every 2 s instead of 15.
 *
 * <p>Started once per test JVM (the deploy tests share it) and stopped at exit.
 */
final class LiveStack {
  static final Duration INTERVAL = Duration.ofSeconds(2);
  private static final Duration DATA_WITHIN = Duration.ofSeconds(60);
  private static final Pattern COMPOSE_HOST = Pattern.compile("\\b([a-z][a-z0-9-]*):(\\d{2,5})\\b");
  private static LiveStack instance;

  final Path dir;
  final Compose compose;
  private final Map<String, String> rewrites = new LinkedHashMap<>();
  private final long startedNanos = System.nanoTime();
  private final List<AutoCloseable> running = new ArrayList<>();
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();
  final Map<String, ExporterProcess> exporters = new LinkedHashMap<>();
  private int prometheusPort;
  private int alertmanagerPort;
  private static final String FAKE_CLOUDFLARE_TOKEN = "live-stack-token-0123456789";
  private String fakeCloudflareUrl;

  static synchronized LiveStack get() throws Exception {
    if (instance == null) {
      LiveStack stack = new LiveStack();
      Runtime.getRuntime().addShutdownHook(new Thread(stack::stop));
      try {
        stack.start();
      } catch (Throwable t) {
        stack.stop();
        throw t;
      }
      instance = stack;
    }
    return instance;
  }

  private LiveStack() throws Exception {
    dir = Files.createTempDirectory("deploy-live-");
    // The private PostgreSQL's psql runs as postgres and reads init scripts from here.
    dir.toFile().setExecutable(true, false);
    compose = Compose.load();
  }

  private void start() throws Exception {
    startPostgres();
    startRedis();
    DemoService demo = new DemoService();
    running.add(demo);
    rewrites.put("demo-service:8080", "127.0.0.1:" + demo.port());
    startFakeCloudflare();
    for (String exporter : List.of("postgres", "redis", "cloudflare", "scraper")) {
      startExporter(exporter);
    }
    startAlertmanager();
    startPrometheus();
    awaitTargetsUp();
    // Enough scrapes for rate() over a minute and for every rule to have been evaluated.
    Await.until("every target scraped 6 times and every rule evaluated", Duration.ofSeconds(90),
        () -> !query("min(count_over_time(up[1m])) >= 6").isEmpty() && everyRuleEvaluated());
  }

  private void startPostgres() throws Exception {
    PrivatePostgres pg = new PrivatePostgres();
    running.add(pg);
    Map<String, String> env = compose.environment("postgres");
    String db = env.get("POSTGRES_DB");
    pg.psql(Map.of(), "-d", "postgres", "-c", "CREATE DATABASE " + db);
    // The image's entrypoint runs the init scripts with psql in POSTGRES_DB, its env set.
    Map<String, String> secretFiles = secretFiles("postgres");
    for (Map.Entry<String, String> mount : compose.volumes("postgres").entrySet()) {
      if (mount.getValue().startsWith("/docker-entrypoint-initdb.d/")) {
        String script = Files.readString(Repo.file(mount.getKey()));
        for (Map.Entry<String, String> f : secretFiles.entrySet()) {
          script = script.replace(f.getKey(), f.getValue());
        }
        Path copy = Files.writeString(dir.resolve("init-" + Path.of(mount.getValue())
            .getFileName()), script);
        copy.toFile().setReadable(true, false);
        pg.psql(env, "-d", db, "-f", copy.toString());
      }
    }
    rewrites.put("postgres:5432", "127.0.0.1:" + pg.port);
    Map<String, String> loadEnv = new LinkedHashMap<>(compose.environment("pg-load"));
    loadEnv.putAll(Map.of("PGHOST", "127.0.0.1", "PGPORT", String.valueOf(pg.port),
        "PGPASSFILE", "/dev/null"));
    background("pg-load", loadEnv, Repo.file("deploy/demo/pg-load.sh").toString());
  }

  private void startRedis() throws Exception {
    int port = Backends.freePort();
    List<String> command = new ArrayList<>(compose.command("redis"));
    command.addAll(List.of("--port", String.valueOf(port), "--bind", "127.0.0.1",
        "--daemonize", "no", "--dir", dir.toString()));
    background("redis", Map.of(), command.toArray(String[]::new));
    awaitPort(port, "redis-server");
    rewrites.put("redis:6379", "127.0.0.1:" + port);
    // The replica's command names its primary by compose host and port: those become ours.
    int replicaPort = Backends.freePort();
    List<String> replica = new ArrayList<>();
    List<String> replicaCommand = compose.command("redis-replica");
    for (int i = 0; i < replicaCommand.size(); i++) {
      boolean primary = i > 0 && replicaCommand.get(i - 1).equals("--replicaof");
      boolean primaryPort = i > 1 && replicaCommand.get(i - 2).equals("--replicaof");
      replica.add(primary ? "127.0.0.1" : primaryPort ? String.valueOf(port)
          : replicaCommand.get(i));
    }
    replica.addAll(List.of("--port", String.valueOf(replicaPort), "--bind", "127.0.0.1",
        "--daemonize", "no", "--dir", dir.toString(), "--dbfilename", "replica.rdb"));
    background("redis-replica", Map.of(), replica.toArray(String[]::new));
    awaitPort(replicaPort, "the Redis replica");
    rewrites.put("redis-replica:6379", "127.0.0.1:" + replicaPort);
    Map<String, String> loadEnv = new LinkedHashMap<>(compose.environment("redis-load"));
    loadEnv.putAll(Map.of("REDIS_HOST", "127.0.0.1", "REDIS_PORT", String.valueOf(port)));
    background("redis-load", loadEnv, Repo.file("deploy/demo/redis-load.sh").toString());
  }

  private void startExporter(String name) throws Exception {
    String service = "exporter-" + name;
    // Mounted files and secrets become files under one root here, at their container paths (so
    // paths relative to a mounted file still work), those paths rewritten to these.
    Map<String, String> sources = new LinkedHashMap<>();
    for (Map.Entry<String, String> v : compose.volumes(service).entrySet()) {
      sources.put(v.getValue(), Files.readString(Repo.file(v.getKey())));
    }
    for (Map.Entry<String, String> secret : compose.secretMounts(service).entrySet()) {
      sources.put(secret.getKey(), compose.secret(secret.getValue()));
    }
    for (String containerPath : sources.keySet()) {
      rewrites.put(containerPath, dir.resolve("container-root")
          .resolve(containerPath.substring(1)).toString());
    }
    for (Map.Entry<String, String> s : sources.entrySet()) {
      Path local = Path.of(rewrites.get(s.getKey()));
      Files.createDirectories(local.getParent());
      Files.writeString(local, rewrite(s.getValue()));
    }
    Map<String, String> env = new LinkedHashMap<>();
    compose.environment(service).forEach((k, v) -> env.put(k, rewrite(v)));
    env.putAll(testOnlyEnvironment(name));
    List<String> args = compose.command(service).stream().map(this::rewrite).toList();
    ExporterProcess process = ExporterProcess.ofJar(Repo.jar(name))
        .argFile(Repo.file("jvm.options")).args(args).env(env).log(dir.resolve(name + ".log"))
        .start();
    running.add(process);
    exporters.put(name, process);
    rewrites.put(service + ":" + composePort(service), "127.0.0.1:" + process.port());
  }

  /**
   * The fake Cloudflare API of exporter-cloudflare's tests, as bench/cloudflare-e2e.sh runs it:
   * compose's demo has no token, so without this the Cloudflare panels would have no data.
   */
  private void startFakeCloudflare() throws Exception {
    Path testClasses = Repo.file("exporter-cloudflare/target/test-classes");
    if (!Files.isDirectory(testClasses.resolve("io/exporters/cloudflare/fake"))) {
      throw new AssertionError("no " + testClasses + ": build exporter-cloudflare with its tests "
          + "first (mvn -B verify does)");
    }
    int port = Backends.freePort();
    background("fake-cloudflare", Map.of(), Path.of(System.getProperty("java.home"), "bin",
        "java").toString(), "-Dsun.net.httpserver.nodelay=true", "-cp", testClasses + ":"
        + Repo.jar("cloudflare"), "io.exporters.cloudflare.fake.FakeCloudflareMain",
        String.valueOf(port), "3", "2", FAKE_CLOUDFLARE_TOKEN);
    awaitPort(port, "the fake Cloudflare API");
    fakeCloudflareUrl = "http://127.0.0.1:" + port + "/client/v4";
  }

  /** What the stack needs beyond compose's settings: a token and the fake API for Cloudflare. */
  private Map<String, String> testOnlyEnvironment(String exporter) {
    if (exporter.equals("cloudflare")) {
      return Map.of("CF_API_TOKEN", FAKE_CLOUDFLARE_TOKEN, "CF_API_BASE_URL", fakeCloudflareUrl,
          "SCRAPE_INTERVAL", "10s");
    }
    return Map.of();
  }

  /** A service's secrets as files here (world-readable: psql runs as postgres), by mount path. */
  private Map<String, String> secretFiles(String service) throws Exception {
    Map<String, String> files = new LinkedHashMap<>();
    for (Map.Entry<String, String> m : compose.secretMounts(service).entrySet()) {
      Path file = Files.writeString(dir.resolve(service + "-secret-" + m.getValue()),
          compose.secret(m.getValue()));
      file.toFile().setReadable(true, false);
      files.put(m.getKey(), file.toString());
    }
    return files;
  }

  private String composePort(String service) {
    return compose.service(service).path("build").path("args").path("PORT").asText();
  }

  /** Alertmanager with the shipped config, its receivers' URLs filled as compose fills them. */
  private void startAlertmanager() throws Exception {
    Path binary = Tools.require("prometheus-alertmanager");
    Path config = dir.resolve("alertmanager.yml");
    String text = Files.readString(Repo.file("deploy/alertmanager/alertmanager.yml"));
    for (Map.Entry<String, String> f : secretFiles("alertmanager").entrySet()) {
      text = text.replace(f.getKey(), f.getValue());
    }
    Files.writeString(config, text);
    alertmanagerPort = Backends.freePort();
    background("alertmanager", Map.of(), binary.toString(), "--config.file=" + config,
        "--storage.path=" + dir.resolve("alertmanager"), "--cluster.listen-address=",
        "--web.listen-address=127.0.0.1:" + alertmanagerPort);
    awaitPort(alertmanagerPort, "alertmanager");
    rewrites.put("alertmanager:9093", "127.0.0.1:" + alertmanagerPort);
  }

  private void startPrometheus() throws Exception {
    Path binary = Tools.require("prometheus");
    String text = rewrite(Files.readString(Repo.file("deploy/prometheus/prometheus.yml")));
    Matcher stale = COMPOSE_HOST.matcher(text.replaceAll("(?m)#.*$", ""));
    while (stale.find()) {
      if (compose.serviceNames().contains(stale.group(1))) {
        throw new AssertionError("prometheus.yml points at " + stale.group() + ", a compose "
            + "service this test does not run");
      }
    }
    ObjectNode config = (ObjectNode) new YAMLMapper().readTree(text);
    String interval = INTERVAL.toSeconds() + "s";
    ((ObjectNode) config.get("global")).put("scrape_interval", interval)
        .put("scrape_timeout", interval).put("evaluation_interval", interval);
    ArrayNode ruleFiles = config.putArray("rule_files");
    ruleFiles.add(Repo.file("deploy/prometheus/rules").toString() + "/*.rules.yml");
    for (JsonNode job : config.get("scrape_configs")) {
      ((ObjectNode) job).put("scrape_interval", interval).put("scrape_timeout", interval);
    }
    Path file = dir.resolve("prometheus.yml");
    new YAMLMapper().writeValue(file.toFile(), config);
    prometheusPort = Backends.freePort();
    background("prometheus", Map.of(), binary.toString(), "--config.file=" + file,
        "--storage.tsdb.path=" + dir.resolve("tsdb"),
        "--web.listen-address=127.0.0.1:" + prometheusPort);
    awaitPort(prometheusPort, "prometheus");
  }

  private void awaitTargetsUp() throws Exception {
    long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    JsonNode targets = null;
    while (System.nanoTime() < until) {
      if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + prometheusPort
          + "/-/ready")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
        Thread.sleep(200);
        continue;
      }
      targets = api("/api/v1/targets?state=active").get("activeTargets");
      boolean allUp = targets.size() > 0;
      for (JsonNode t : targets) {
        allUp &= t.get("health").asText().equals("up");
      }
      if (allUp) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("not every scrape target came up: " + targets);
  }

  private boolean everyRuleEvaluated() throws Exception {
    for (JsonNode group : api("/api/v1/rules").get("groups")) {
      for (JsonNode rule : group.get("rules")) {
        if (rule.path("lastEvaluation").asText().startsWith("0001-")) {
          return false;
        }
      }
    }
    return true;
  }

  /** The data of a Prometheus HTTP API answer; fails unless its status is success. */
  JsonNode api(String pathAndQuery) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
        + prometheusPort + pathAndQuery)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
    JsonNode body = new ObjectMapper().readTree(r.body());
    if (!"success".equals(body.path("status").asText())) {
      throw new AssertionError(pathAndQuery + ": " + r.body());
    }
    return body.get("data");
  }

  /** What Alertmanager holds: the alerts Prometheus sent it. */
  JsonNode alertmanagerAlerts() throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
        + alertmanagerPort + "/api/v2/alerts")).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
    return new ObjectMapper().readTree(r.body());
  }

  /** An instant query's result vector (or scalar), evaluated by Prometheus now. */
  JsonNode query(String expression) throws Exception {
    return api("/api/v1/query?query=" + URLEncoder.encode(expression, StandardCharsets.UTF_8))
        .get("result");
  }

  /**
   * {@link #query}, asked again while it finds nothing until the stack has run for a minute:
   * a rate needs two scrapes and Cloudflare's data comes with the fake API's first polls.
   */
  JsonNode queryOnceDataCame(String expression) throws Exception {
    JsonNode result = query(expression);
    while (result.isEmpty() && System.nanoTime() - startedNanos < DATA_WITHIN.toNanos()) {
      Thread.sleep(1000);
      result = query(expression);
    }
    return result;
  }

  /** Every metric name Prometheus holds: scraped from the exporters, or recorded by rules. */
  Set<String> metricNames() throws Exception {
    Set<String> names = new TreeSet<>();
    api("/api/v1/label/__name__/values").forEach(n -> names.add(n.asText()));
    return names;
  }

  private String rewrite(String text) {
    String out = text;
    for (Map.Entry<String, String> r : rewrites.entrySet()) {
      out = out.replace(r.getKey(), r.getValue());
    }
    return out;
  }

  private void background(String name, Map<String, String> env, String... command)
      throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".log").toFile());
    builder.environment().putAll(env);
    Process p = builder.start();
    running.add(() -> {
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    });
  }

  private void awaitPort(int port, String what) throws Exception {
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < until) {
      try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
        return;
      } catch (java.io.IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError(what + " did not listen on " + port + "; see " + dir);
  }

  private void stop() {
    for (int i = running.size() - 1; i >= 0; i--) {
      try {
        running.get(i).close();
      } catch (Exception e) {
        System.err.println("stopping the live stack: " + e);
      }
    }
    running.clear();
  }
}
