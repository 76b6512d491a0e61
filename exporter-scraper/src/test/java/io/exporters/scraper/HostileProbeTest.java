package io.exporters.scraper;

import static io.exporters.scraper.support.TestHttpServer.answer;
import static io.exporters.scraper.support.TestHttpServer.redirect;
import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.scraper.support.Scraper;
import io.exporters.scraper.support.TestHttpServer;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /probe is open to whoever reaches the port: what it refuses (400 with the reason), the
 * addresses it will not dial (metadata services, link-local, also behind a redirect), and the
 * limits on bodies and on the memory bodies may hold.
 */
class HostileProbeTest {
  private static final String MODULES = """
      modules:
        small_body: {prober: http, http: {body_size_limit: 1KiB}}
        regex_big: {prober: http, http: {fail_if_body_matches_regexp: ["never"]}}
        host_set: {prober: http, http: {headers: {Host: a.example}}}
        metadata_ok: {prober: http, allow_link_local: true, timeout: 300ms}
      probes: {buffered_bytes: 64KiB}
      """;
  private static TestHttpServer server;

  @BeforeAll
  static void serve() throws Exception {
    server = TestHttpServer.http()
        .route("/ok", answer(200, "ok\n"))
        .route("/to-metadata", redirect(302, "http://169.254.169.254/latest/meta-data/"))
        .route("/to-file", redirect(302, "file:///etc/passwd"))
        .route("/big", TestHttpServer.large(1 << 20))
        .route("/huge", TestHttpServer.large(12L << 20));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void badRequestsAreRefusedWithTheReason(@TempDir Path dir) throws Exception {
    try (InProcessExporter e = Scraper.start(dir, MODULES)) {
      assertRefused(e, "/probe?module=http_2xx", "target");
      assertRefused(e, Scraper.probe(server.url("/ok"), "nope"), "unknown module 'nope'");
      assertRefused(e, Scraper.probe("ftp://example.com/", null), "http://");
      assertRefused(e, Scraper.probe("file:///etc/passwd", null), "http://");
      assertRefused(e, Scraper.probe("gopher://127.0.0.1:70/", null), "http://");
      assertRefused(e, Scraper.probe("http://" + "a".repeat(3000) + ".example/", null),
          "longer than");
      assertRefused(e, Scraper.probe(server.url("/ok"), "tcp_connect"), "host:port");
      assertRefused(e, Scraper.probe("127.0.0.1", "tcp_connect"), "port");
      assertRefused(e, Scraper.probe(server.url("/ok"), null, "hostname", "a b"), "hostname");
      assertRefused(e, Scraper.probe(server.url("/ok"), "host_set", "hostname", "b.example"),
          "conflicts");
      assertThat(e.get(Scraper.probe(server.url("/ok"), "host_set", "hostname", "a.example"))
          .status()).isEqualTo(200);
    }
  }

  private static void assertRefused(InProcessExporter e, String path, String reason)
      throws Exception {
    InProcessExporter.Response r = e.get(path);
    assertThat(r.status()).as(path).isEqualTo(400);
    assertThat(r.text()).as(path).contains(reason);
  }

  @Test
  void metadataAndLinkLocalAddressesAreNotDialled(@TempDir Path dir) throws Exception {
    try (InProcessExporter e = Scraper.start(dir, MODULES)) {
      for (String target : new String[] {"http://169.254.169.254/latest/meta-data/",
          "http://[fd00:ec2::254]/", "http://[::ffff:169.254.169.254]/", "http://2852039166/",
          "http://[fe80::1]/", "http://100.100.100.200/", "169.254.0.1:22"}) {
        Exposition m = e.get(Scraper.probe(target, target.startsWith("http") ? null
            : "tcp_connect")).exposition();
        assertThat(m.value("probe_success")).as(target).isZero();
        assertThat(m.value("probe_failure_info", "reason", "blocked")).as(target).isEqualTo(1);
      }
      Exposition redirected = e.get(Scraper.probe(server.url("/to-metadata"), null))
          .exposition();
      assertThat(redirected.value("probe_failure_info", "reason", "blocked")).isEqualTo(1);
      assertThat(redirected.value("probe_http_redirects")).isEqualTo(1);
      Exposition toFile = e.get(Scraper.probe(server.url("/to-file"), null)).exposition();
      assertThat(toFile.value("probe_failure_info", "reason", "redirects")).isEqualTo(1);
      // A module may allow them (here nothing answers there, so it times out or is refused).
      Exposition allowed = e.get(Scraper.probe("http://169.254.169.254/", "metadata_ok"))
          .exposition();
      assertThat(allowed.find("probe_failure_info", "reason", "blocked")).isEmpty();
    }
  }

  @Test
  void bodiesAreCutAtTheLimitAndHeldOnlyWithinTheBudget(@TempDir Path dir) throws Exception {
    try (InProcessExporter e = Scraper.start(dir, MODULES)) {
      Exposition small = e.get(Scraper.probe(server.url("/big"), "small_body")).exposition();
      assertThat(small.value("probe_success")).isZero();
      assertThat(small.value("probe_failure_info", "reason", "body_too_large")).isEqualTo(1);
      assertThat(small.value("probe_http_uncompressed_body_length")).isEqualTo(1024);
      assertThat(small.value("probe_http_content_length")).isEqualTo(-1);

      Exposition counted = e.get(Scraper.probe(server.url("/big"), null)).exposition();
      assertThat(counted.value("probe_success")).isEqualTo(1);
      assertThat(counted.value("probe_http_uncompressed_body_length")).isEqualTo(1 << 20);

      Exposition huge = e.get(Scraper.probe(server.url("/huge"), null)).exposition();
      assertThat(huge.value("probe_failure_info", "reason", "body_too_large")).isEqualTo(1);
      assertThat(huge.value("probe_http_uncompressed_body_length")).isEqualTo(10 << 20);

      // A body a regex must read is held; past probes.buffered_bytes it is refused, not read.
      Exposition held = e.get(Scraper.probe(server.url("/big"), "regex_big")).exposition();
      assertThat(held.value("probe_failure_info", "reason", "memory")).isEqualTo(1);
      assertThat(e.get(Scraper.probe(server.url("/ok"), "regex_big")).exposition()
          .value("probe_success")).isEqualTo(1);
    }
  }
}
