package io.exporters.scraper;

import static io.exporters.scraper.support.TestHttpServer.answer;
import static io.exporters.scraper.support.TestHttpServer.redirect;
import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.scraper.support.Scraper;
import io.exporters.scraper.support.TestHttpServer;
import io.exporters.scraper.support.TestPki;
import io.exporters.testkit.Backends;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's prometheus-blackbox-exporter and ours, given the same config file (http_2xx and
 * tcp_connect) and the same targets: ours serves every family and label name blackbox serves,
 * with the same values wherever they do not depend on timing.
 */
class BlackboxSideBySideTest {
  private static final Path BLACKBOX = Path.of(System.getenv().getOrDefault(
      "BLACKBOX_EXPORTER", "/usr/bin/prometheus-blackbox-exporter"));
  /** Families whose values do not depend on timing. */
  private static final Set<String> DETERMINISTIC = Set.of("probe_success",
      "probe_http_status_code", "probe_http_ssl", "probe_http_version", "probe_http_redirects",
      "probe_http_content_length", "probe_http_uncompressed_body_length", "probe_ip_protocol",
      "probe_ip_addr_hash", "probe_failed_due_to_regex",
      "probe_http_last_modified_timestamp_seconds", "probe_ssl_earliest_cert_expiry",
      "probe_ssl_last_chain_expiry_timestamp_seconds", "probe_ssl_last_chain_info",
      "probe_tls_version_info");

  private final HttpClient client = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void oursServesWhatBlackboxServes(@TempDir Path dir) throws Exception {
    if (!Files.isExecutable(BLACKBOX)) {
      throw new AssertionError("blackbox_exporter not found at " + BLACKBOX + ": apt-get install "
          + "prometheus-blackbox-exporter (.ci/services does), or set BLACKBOX_EXPORTER");
    }
    TestPki.Issued root = TestPki.root("Side Root", Duration.ofDays(30));
    TestPki.Issued leaf = TestPki.server(root, "CN=localhost,O=Side By Side",
        Duration.ofDays(12));
    Path ca = TestPki.pem(dir.resolve("ca.pem"), root.cert());
    Path config = Files.writeString(dir.resolve("blackbox.yml"), """
        modules:
          http_2xx:
            prober: http
            http:
              tls_config: {ca_file: %s}
          tcp_connect:
            prober: tcp
        """.formatted(ca));
    int closed = Backends.freePort();
    int port = Backends.freePort();
    Process blackbox = new ProcessBuilder(BLACKBOX.toString(), "--config.file=" + config,
        "--web.listen-address=127.0.0.1:" + port).redirectErrorStream(true)
        .redirectOutput(dir.resolve("blackbox.log").toFile()).start();
    try (TestHttpServer http = TestHttpServer.http()
            .route("/ok", answer(200, "{\"status\":\"UP\"}\n", "Content-Type",
                "application/json", "Last-Modified", "Wed, 21 Oct 2015 07:28:00 GMT"))
            .route("/missing", answer(404, "no such page\n"))
            .route("/redirect", redirect(302, "/ok"))
            .route("/chunked", TestHttpServer.large(100_000))
            .route("/gzip", TestHttpServer.gzip("{\"status\":\"UP\"}".repeat(40)));
        TestHttpServer https = TestHttpServer.https(TestPki.serverContext(leaf))
            .route("/ok", answer(200, "secure\n"));
        InProcessExporter ours = InProcessExporter.start(new ScraperExporter(),
            List.of("--config.file=" + config), Map.of())) {
      awaitHealthy(port, dir);
      List<String[]> cases = List.of(
          new String[] {http.url("/ok"), "http_2xx"},
          new String[] {http.url("/missing"), "http_2xx"},
          new String[] {http.url("/redirect"), "http_2xx"},
          new String[] {http.url("/chunked"), "http_2xx"},
          new String[] {http.url("/gzip"), "http_2xx"},
          new String[] {https.url("/ok"), "http_2xx"},
          new String[] {"http://127.0.0.1:" + closed + "/", "http_2xx"},
          new String[] {"http://no-such-host.invalid/", "http_2xx"},
          new String[] {"127.0.0.1:" + http.port(), "tcp_connect"},
          new String[] {"no-such-host.invalid:80", "tcp_connect"},
          new String[] {"127.0.0.1:" + closed, "tcp_connect"});
      for (String[] c : cases) {
        String path = Scraper.probe(c[0], c[1]);
        Exposition theirs = get(port, path);
        Exposition mine = ours.get(path).exposition();
        compare(c[1] + " " + c[0], theirs, mine);
      }
      Exposition tls = ours.get(Scraper.probe(https.url("/ok"), "http_2xx")).exposition();
      assertThat(tls.value("probe_ssl_earliest_cert_expiry")).isEqualTo(leaf.expiry());
    } finally {
      blackbox.destroy();
      blackbox.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static void compare(String what, Exposition theirs, Exposition mine) {
    assertThat(theirs.names()).as(what + ": blackbox's answer").contains("probe_success");
    assertThat(mine.names()).as(what + ": families").containsAll(theirs.names());
    for (Exposition.Family family : theirs.families()) {
      Set<String> theirLabels = labelNames(family);
      Set<String> myLabels = labelNames(mine.familyOrFail(family.name()));
      assertThat(myLabels).as(what + ": labels of " + family.name()).containsAll(theirLabels);
      for (Exposition.Sample s : family.samples()) {
        List<Exposition.Sample> same = mine.samples(s.name()).stream()
            .filter(m -> m.labels().entrySet().containsAll(s.labels().entrySet())).toList();
        assertThat(same).as(what + ": " + s).hasSize(1);
        if (DETERMINISTIC.contains(family.name())) {
          assertThat(same.get(0).value()).as(what + ": " + s).isEqualTo(s.value());
        }
      }
    }
  }

  private static Set<String> labelNames(Exposition.Family family) {
    Set<String> names = new TreeSet<>();
    family.samples().forEach(s -> names.addAll(s.labels().keySet()));
    return names;
  }

  private Exposition get(int port, String path) throws Exception {
    HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return Exposition.parse(r.headers().firstValue("Content-Type").orElse(""), r.body());
  }

  private void awaitHealthy(int port, Path dir) throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < until) {
      try {
        if (client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
            + "/-/healthy")).build(), HttpResponse.BodyHandlers.discarding()).statusCode()
            == 200) {
          return;
        }
      } catch (java.io.IOException notYet) {
        // Starting.
      }
      Thread.sleep(100);
    }
    throw new AssertionError("blackbox_exporter did not start: "
        + Files.readString(dir.resolve("blackbox.log")));
  }
}
