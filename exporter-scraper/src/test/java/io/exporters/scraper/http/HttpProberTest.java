package io.exporters.scraper.http;

import static io.exporters.scraper.support.TestHttpServer.answer;
import static io.exporters.scraper.support.TestHttpServer.redirect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.exporters.scraper.support.Scraper;
import io.exporters.scraper.support.TestHttpServer;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * blackbox's http prober against a real local server: every family it writes, status codes,
 * redirects, header and body regexes, versions, methods, bodies and credentials sent, and the
 * phases, which never add up to more than the probe took.
 */
class HttpProberTest {
  private static final String MODULES = """
      modules:
        accept_404: {prober: http, http: {valid_status_codes: [404]}}
        no_follow: {prober: http, http: {follow_redirects: false}}
        two_redirects: {prober: http, http: {max_redirects: 2}}
        body_down: {prober: http, http: {fail_if_body_matches_regexp: ["\\"status\\": *\\"DOWN\\""]}}
        body_up: {prober: http, http: {fail_if_body_not_matches_regexp: ["UP"]}}
        header_degraded:
          prober: http
          http: {fail_if_header_matches: [{header: X-Status, regexp: degraded}]}
        header_needed:
          prober: http
          http: {fail_if_header_not_matches: [{header: X-Version, regexp: "^2\\\\."}]}
        header_optional:
          prober: http
          http:
            fail_if_header_not_matches: [{header: X-Version, regexp: "^2", allow_missing: true}]
        http2_only: {prober: http, http: {valid_http_versions: ["HTTP/2.0"]}}
        tls_only: {prober: http, http: {fail_if_not_ssl: true}}
        post_basic:
          prober: http
          http:
            method: POST
            body: '{"ping":1}'
            headers: {Content-Type: application/json, X-Probe: "yes"}
            basic_auth: {username: prober, password: s3cret-basic}
        bearer: {prober: http, http: {bearer_token: s3cret-bearer-token}}
        quick: {prober: http, timeout: 300ms}
        followed:
          prober: http
          http:
            preferred_ip_protocol: ip4
            headers: {X-Api-Token: t0ken, X-Trace: "on"}
            basic_auth: {username: prober, password: s3cret-basic}
        gzip: {prober: http, http: {compression: gzip, fail_if_body_not_matches_regexp: ["UP"]}}
      """;

  private static TestHttpServer server;
  private static final Map<String, String> seen = new ConcurrentHashMap<>();

  @BeforeAll
  static void serve() throws Exception {
    server = TestHttpServer.http()
        .route("/ok", answer(200, "{\"status\": \"UP\"}\n", "Content-Type", "application/json",
            "Last-Modified", "Wed, 21 Oct 2015 07:28:00 GMT", "X-Version", "2.1"))
        .route("/missing", answer(404, "no such page\n"))
        .route("/down", answer(200, "{\"status\": \"DOWN\"}", "X-Status", "degraded"))
        .route("/to-ok", redirect(302, "/ok"))
        .route("/hop1", redirect(301, "/hop2"))
        .route("/hop2", redirect(307, "/hop3"))
        .route("/hop3", redirect(308, "/ok"))
        .route("/loop", redirect(302, "/loop"))
        .route("/to", x -> redirect(302, x.getRequestURI().getRawQuery()).handle(x))
        .route("/slow", TestHttpServer.slow(3000))
        .route("/zipped", TestHttpServer.gzip("{\"status\": \"UP\"}".repeat(50)))
        .route("/record", x -> {
          seen.put("method", x.getRequestMethod());
          seen.put("body", new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          x.getRequestHeaders().forEach((k, v) -> seen.put(k.toLowerCase(), v.get(0)));
          answer(200, "recorded\n").handle(x);
        });
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Exposition probe(InProcessExporter e, String path, String module,
      String... params) throws Exception {
    InProcessExporter.Response r = e.get(Scraper.probe(server.url(path), module, params));
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    return r.exposition();
  }

  @Test
  void aGoodAnswerGivesEveryBlackboxFamily(@TempDir Path dir) throws Exception {
    try (InProcessExporter e = Scraper.start(dir, MODULES)) {
      Exposition m = probe(e, "/ok", "http_2xx");
      assertThat(m.value("probe_success")).isEqualTo(1);
      assertThat(m.value("probe_http_status_code")).isEqualTo(200);
      assertThat(m.value("probe_http_content_length")).isEqualTo(17);
      assertThat(m.value("probe_http_uncompressed_body_length")).isEqualTo(17);
      assertThat(m.value("probe_http_redirects")).isZero();
      assertThat(m.value("probe_http_ssl")).isZero();
      assertThat(m.value("probe_http_version")).isEqualTo(1.1);
      assertThat(m.value("probe_http_last_modified_timestamp_seconds")).isEqualTo(1445412480);
      assertThat(m.value("probe_ip_protocol")).isEqualTo(4);
      assertThat(m.value("probe_ip_addr_hash")).isEqualTo(3668918509.0);
      assertThat(m.value("probe_failed_due_to_regex")).isZero();
      assertThat(m.value("probe_dns_lookup_time_seconds")).isGreaterThanOrEqualTo(0);
      assertThat(m.value("probe_timeout_seconds")).isGreaterThan(1);
      assertThat(m.family("probe_failure_info")).isEmpty();
      assertThat(m.names()).doesNotContain("probe_up", "probe_scrape_collector_success",
          "probe_ssl_earliest_cert_expiry", "probe_tls_version_info");
      assertPhases(m);
      assertThat(m.value("probe_http_duration_seconds", "phase", "connect")).isPositive();
      assertThat(m.value("probe_http_duration_seconds", "phase", "processing")).isPositive();
      assertThat(m.value("probe_http_duration_seconds", "phase", "tls")).isZero();
    }
  }

  @Test
  void statusCodesOutsideTheModulesListFail(@TempDir Path dir) throws Exception {
    try (InProcessExporter e = Scraper.start(dir, MODULES)) {
      Exposition missing = probe(e, "/missing", "http_2xx");
      assertThat(missing.value("probe_success")).isZero();
      assertThat(missing.value("probe_http_status_code")).isEqualTo(404);
      assertThat(missing.value("probe_failure_info", "reason", "status")).isEqualTo(1);
      assertThat(missing.value("probe_http_uncompressed_body_length")).isEqualTo(13);
      assertPhases(missing);
      Exposition accepted = probe(e, "/missing", "accept_404");
      assertThat(accepted.value("probe_success")).isEqualTo(1);
      assertThat(probe(e, "/ok", "accept_404").value("probe_success")).isZero();
    }
  }

  @Test
  void redirectsAreFollowedCountedAndBounded(@TempDir Path dir) throws Exception {
    try (InProcessExporter e = Scraper.start(dir, MODULES)) {
      Exposition one = probe(e, "/to-ok", "http_2xx");
      assertThat(one.value("probe_success")).isEqualTo(1);
      assertThat(one.value("probe_http_redirects")).isEqualTo(1);
      assertThat(one.value("probe_http_status_code")).isEqualTo(200);
      assertPhases(one);
      Exposition three = probe(e, "/hop1", "http_2xx");
      assertThat(three.value("probe_http_redirects")).isEqualTo(3);
      assertThat(three.value("probe_success")).isEqualTo(1);
      Exposition bounded = probe(e, "/hop1", "two_redirects");
      assertThat(bounded.value("probe_success")).isZero();
      assertThat(bounded.value("probe_failure_info", "reason", "redirects")).isEqualTo(1);
      Exposition loop = probe(e, "/loop", "http_2xx");
      assertThat(loop.value("probe_failure_info", "reason", "redirects")).isEqualTo(1);
      assertThat(loop.value("probe_http_redirects")).isEqualTo(11);
      Exposition notFollowed = probe(e, "/to-ok", "no_follow");
      assertThat(notFollowed.value("probe_http_status_code")).isEqualTo(302);
      assertThat(notFollowed.value("probe_http_redirects")).isZero();
      assertThat(notFollowed.value("probe_failure_info", "reason", "status")).isEqualTo(1);
    }
  }

  @Test
  void bodyAndHeaderRegexesDecideAsBlackboxDoes(@TempDir Path dir) throws Exception {
    try (InProcessExporter e = Scraper.start(dir, MODULES)) {
      Exposition down = probe(e, "/down", "body_down");
      assertThat(down.value("probe_success")).isZero();
      assertThat(down.value("probe_failed_due_to_regex")).isEqualTo(1);
      assertThat(down.value("probe_failure_info", "reason", "regex")).isEqualTo(1);
      Exposition up = probe(e, "/ok", "body_down");
      assertThat(up.value("probe_success")).isEqualTo(1);
      assertThat(up.value("probe_failed_due_to_regex")).isZero();
      assertThat(probe(e, "/down", "body_up").value("probe_failed_due_to_regex")).isEqualTo(1);
      assertThat(probe(e, "/ok", "body_up").value("probe_success")).isEqualTo(1);
      // A status that already failed is not also a regex failure, as in blackbox.
      assertThat(probe(e, "/missing", "body_up").value("probe_failed_due_to_regex")).isZero();

      Exposition degraded = probe(e, "/down", "header_degraded");
      assertThat(degraded.value("probe_failure_info", "reason", "header")).isEqualTo(1);
      assertThat(degraded.value("probe_failed_due_to_regex")).isZero();
      // As blackbox: a header a rule names must be there unless allow_missing says otherwise.
      assertThat(probe(e, "/ok", "header_degraded").value("probe_failure_info", "reason",
          "header")).isEqualTo(1);
      assertThat(probe(e, "/ok", "header_needed").value("probe_success")).isEqualTo(1);
      assertThat(probe(e, "/down", "header_needed").value("probe_failure_info", "reason",
          "header")).isEqualTo(1);
      assertThat(probe(e, "/down", "header_optional").value("probe_success")).isEqualTo(1);
    }
  }

  @Test
  void compressedBodiesAreCountedOnTheWireAndAfterDecompression(@TempDir Path dir)
      throws Exception {
    try (InProcessExporter e = Scraper.start(dir, MODULES)) {
      Exposition zipped = probe(e, "/zipped", "gzip");
      assertThat(zipped.value("probe_success")).isEqualTo(1);
      double wire = zipped.value("probe_http_content_length");
      assertThat(wire).isPositive().isLessThan(200);
      assertThat(zipped.value("probe_http_uncompressed_body_length")).isEqualTo(800);
      // Without compression set, the bytes are counted as sent, as blackbox counts them.
      Exposition raw = probe(e, "/zipped", "http_2xx");
      assertThat(raw.value("probe_http_uncompressed_body_length")).isEqualTo(wire);
      Exposition plain = probe(e, "/ok", "gzip");
      assertThat(plain.value("probe_failure_info", "reason", "compression")).isEqualTo(1);
    }
  }

  @Test
  void versionAndTlsRequirementsFailWithTheirReason(@TempDir Path dir) throws Exception {
    try (InProcessExporter e = Scraper.start(dir, MODULES)) {
      Exposition v = probe(e, "/ok", "http2_only");
      assertThat(v.value("probe_failure_info", "reason", "http_version")).isEqualTo(1);
      assertThat(v.value("probe_http_version")).isEqualTo(1.1);
      Exposition plain = probe(e, "/ok", "tls_only");
      assertThat(plain.value("probe_failure_info", "reason", "ssl")).isEqualTo(1);
      assertThat(plain.value("probe_http_ssl")).isZero();
    }
  }

  @Test
  void methodBodyHeadersAndCredentialsAreSent(@TempDir Path dir) throws Exception {
    try (InProcessExporter e = Scraper.start(dir, MODULES)) {
      assertThat(probe(e, "/record", "post_basic").value("probe_success")).isEqualTo(1);
      assertThat(seen).containsEntry("method", "POST").containsEntry("body", "{\"ping\":1}")
          .containsEntry("content-type", "application/json").containsEntry("x-probe", "yes")
          .containsEntry("authorization", "Basic cHJvYmVyOnMzY3JldC1iYXNpYw==");
      assertThat(seen.get("user-agent")).contains("exporter-scraper");
      assertThat(seen.get("accept-encoding")).isEqualTo("identity");
      seen.clear();
      probe(e, "/record", "bearer");
      assertThat(seen).containsEntry("method", "GET")
          .containsEntry("authorization", "Bearer s3cret-bearer-token");
      seen.clear();
      probe(e, "/record", "http_2xx", "hostname", "status.example.com");
      assertThat(seen).containsEntry("host", "status.example.com");
      seen.clear();
      String withUser = server.url("/record").replace("://", "://alice:w0nderland@");
      e.get(Scraper.probe(withUser, "http_2xx"));
      assertThat(seen).containsEntry("authorization", "Basic YWxpY2U6dzBuZGVybGFuZA==");
      seen.clear();
      // Another host (localhost is not 127.0.0.1) gets no credentials after a redirect.
      String elsewhere = "http://localhost:" + server.port() + "/record";
      e.get(Scraper.probe(server.url("/to?" + elsewhere), "followed"));
      assertThat(seen).containsEntry("x-trace", "on").containsEntry("host", "localhost:"
          + server.port()).doesNotContainKeys("authorization", "x-api-token");
      seen.clear();
      e.get(Scraper.probe(server.url("/to?/record"), "followed"));
      assertThat(seen).containsKeys("authorization", "x-api-token");
    }
  }

  @Test
  void failuresBeforeAnAnswerSayWhy(@TempDir Path dir) throws Exception {
    try (InProcessExporter e = Scraper.start(dir, MODULES)) {
      int closed;
      try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
        closed = s.getLocalPort();
      }
      Exposition refused = e.get(Scraper.probe("http://127.0.0.1:" + closed + "/", null))
          .exposition();
      assertThat(refused.value("probe_success")).isZero();
      assertThat(refused.value("probe_failure_info", "reason", "connect")).isEqualTo(1);
      assertThat(refused.value("probe_http_status_code")).isZero();
      assertPhases(refused);

      Exposition dns = e.get(Scraper.probe("http://no-such-host.invalid/", null)).exposition();
      assertThat(dns.value("probe_failure_info", "reason", "dns")).isEqualTo(1);
      assertThat(dns.value("probe_http_status_code")).isZero();

      Exposition slow = probe(e, "/slow", "quick");
      assertThat(slow.value("probe_success")).isZero();
      assertThat(slow.value("probe_failure_info", "reason", "timeout")).isEqualTo(1);
      assertThat(slow.value("probe_timeout_seconds")).isCloseTo(0.3, within(0.01));
      assertThat(slow.value("probe_duration_seconds")).isBetween(0.25, 2.5);
      assertPhases(slow);
    }
  }

  /** All five phases are there, and they add up to no more than the probe took. */
  static void assertPhases(Exposition m) {
    double sum = 0;
    for (String phase : new String[] {"resolve", "connect", "tls", "processing", "transfer"}) {
      double v = m.value("probe_http_duration_seconds", "phase", phase);
      assertThat(v).as(phase).isGreaterThanOrEqualTo(0);
      sum += v;
    }
    assertThat(sum).isLessThanOrEqualTo(m.value("probe_duration_seconds"));
  }
}
