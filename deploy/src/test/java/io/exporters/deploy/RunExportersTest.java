package io.exporters.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.testkit.Backends;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * ./run-exporters.sh, the README's run command: where no PostgreSQL or Redis answers it starts
 * private ones under run/ and says so, the exporters run with the compose stack's config files
 * (the postgres-probe job's auth module, the probe-json job's module), and on Ctrl-C everything it
 * started stops. The host's servers are never touched.
 */
class RunExportersTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final List<Integer> EXPORTER_PORTS = List.of(9187, 9121, 9199, 9115);

  @Test
  void startsPrivateBackendsWhereNoneAnswerAndTheComposeConfigs() throws Exception {
    for (int port : EXPORTER_PORTS) {
      assertThat(listening(port)).as("port " + port + " must be free for run-exporters.sh")
          .isFalse();
    }
    int pgPort = Backends.freePort();
    int redisPort = Backends.freePort();
    ProcessBuilder pb = new ProcessBuilder(Repo.file("run-exporters.sh").toString())
        .directory(Repo.root().toFile()).redirectErrorStream(true);
    pb.environment().putAll(java.util.Map.of("PG_PORT", String.valueOf(pgPort),
        "REDIS_PORT", String.valueOf(redisPort), "SKIP_BUILD", "1"));
    Process run = pb.start();
    List<String> lines = new ArrayList<>();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(run.getInputStream(),
          StandardCharsets.UTF_8));
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        lines.add(line);
        if (line.startsWith("Ctrl-C stops them")) {
          break;
        }
      }
      assertThat(lines).as(String.join("\n", lines))
          .anyMatch(l -> l.startsWith("PostgreSQL: none answered on 127.0.0.1:" + pgPort
              + "; started a private one there"))
          .anyMatch(l -> l.startsWith("Redis: none answered on 127.0.0.1:" + redisPort))
          .noneMatch(l -> l.contains("did not start"));
      assertThat(get(9187, "/metrics")).contains("\npg_up 1\n");
      assertThat(get(9121, "/metrics")).contains("\nredis_up 1\n");
      // The shipped Prometheus config's module names are known: 200 (an unresolvable compose
      // host answers up 0), never 400 unknown module.
      assertThat(status(9187, "/probe?auth_module=demo&target="
          + URLEncoder.encode("postgres:5432/postgres?sslmode=disable", StandardCharsets.UTF_8)))
          .isEqualTo(200);
      assertThat(status(9115, "/probe?module=status_json&target="
          + URLEncoder.encode("http://127.0.0.1:9187/-/healthy", StandardCharsets.UTF_8)))
          .isEqualTo(200);
      // The private PostgreSQL holds the compose demo's monitoring role.
      assertThat(get(9187, "/probe?target=" + URLEncoder.encode("postgresql://monitor:"
          + java.nio.file.Files.readString(Repo.file("deploy/secrets/postgres_monitor_password"))
          .strip() + "@127.0.0.1:" + pgPort + "/postgres?sslmode=disable",
          StandardCharsets.UTF_8))).contains("\npg_up 1\n");
    } finally {
      // Ctrl-C, as a user stops it.
      new ProcessBuilder("kill", "-INT", String.valueOf(run.pid())).start().waitFor();
      assertThat(run.waitFor(60, TimeUnit.SECONDS)).as("run-exporters.sh stops").isTrue();
    }
    assertThat(listening(pgPort)).as("the private PostgreSQL stopped").isFalse();
    assertThat(listening(redisPort)).as("the private Redis stopped").isFalse();
    for (int port : EXPORTER_PORTS) {
      assertThat(listening(port)).as("exporter on " + port + " stopped").isFalse();
    }
  }

  private static boolean listening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static String get(int port, String path) throws Exception {
    return HTTP.send(request(port, path), HttpResponse.BodyHandlers.ofString()).body();
  }

  private static int status(int port, String path) throws Exception {
    return HTTP.send(request(port, path), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static HttpRequest request(int port, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("X-Prometheus-Scrape-Timeout-Seconds", "5").timeout(Duration.ofSeconds(30))
        .build();
  }
}
