package io.exporters.scraper.tls;

import static io.exporters.scraper.support.TestHttpServer.answer;
import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.scraper.support.Scraper;
import io.exporters.scraper.support.TestHttpServer;
import io.exporters.scraper.support.TestPki;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS and TLS-over-TCP probes against servers with certificates made here: a valid one, one
 * expiring in 5 days, a chain through an intermediate whose root expires first, an expired one.
 * Checks blackbox's TLS series: earliest expiry of what was sent, earliest along the verified
 * chain (none when nothing was verified), the leaf's identity in Go's spelling, the version.
 */
class TlsProbeTest {
  @TempDir
  static Path dir;

  private static TestPki.Issued root;
  private static TestPki.Issued leaf;
  private static TestPki.Issued soon;
  private static TestPki.Issued chainRoot;
  private static TestPki.Issued intermediate;
  private static TestPki.Issued chainLeaf;
  private static TestPki.Issued expired;
  private static TestHttpServer valid;
  private static TestHttpServer expiring;
  private static TestHttpServer chained;
  private static TestHttpServer outdated;
  private static String modules;

  @BeforeAll
  static void serve() throws Exception {
    root = TestPki.root("Test Root", Duration.ofDays(60));
    leaf = TestPki.server(root, "CN=localhost,O=Acme Probes", Duration.ofDays(30));
    soon = TestPki.server(root, "CN=localhost", Duration.ofDays(5));
    chainRoot = TestPki.root("Chain Root", Duration.ofDays(8));
    intermediate = TestPki.intermediate(chainRoot, "Chain Intermediate", Duration.ofDays(10));
    chainLeaf = TestPki.server(intermediate, "CN=localhost", Duration.ofDays(40));
    expired = TestPki.server(root, "CN=localhost", Duration.ofHours(-2));
    valid = https(leaf);
    expiring = https(soon);
    chained = https(chainLeaf);
    outdated = https(expired);
    Path roots = TestPki.pem(dir.resolve("roots.pem"), root.cert(), chainRoot.cert());
    modules = """
        modules:
          trusted: {prober: http, http: {tls_config: {ca_file: %1$s}}}
          insecure: {prober: http, http: {tls_config: {insecure_skip_verify: true}}}
          other_name: {prober: http, http: {tls_config: {ca_file: %1$s, server_name: other.example}}}
          named: {prober: http, http: {tls_config: {ca_file: %1$s, server_name: localhost}}}
          plain_only: {prober: http, http: {fail_if_ssl: true, tls_config: {ca_file: %1$s}}}
          tls12: {prober: http, http: {tls_config: {ca_file: %1$s, max_version: TLS12}}}
          tcp_tls: {prober: tcp, tcp: {tls: true, tls_config: {ca_file: %1$s}}}
        """.formatted(roots);
  }

  private static TestHttpServer https(TestPki.Issued cert) throws Exception {
    return TestHttpServer.https(TestPki.serverContext(cert)).route("/", answer(200, "ok\n"));
  }

  @AfterAll
  static void stop() {
    for (TestHttpServer s : new TestHttpServer[] {valid, expiring, chained, outdated}) {
      s.close();
    }
  }

  private static Exposition probe(InProcessExporter e, String target, String module)
      throws Exception {
    InProcessExporter.Response r = e.get(Scraper.probe(target, module));
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    return r.exposition();
  }

  @Test
  void aVerifiedServerGivesBlackboxsTlsSeries() throws Exception {
    try (InProcessExporter e = Scraper.start(dir, modules)) {
      Exposition m = probe(e, valid.url("/"), "trusted");
      assertThat(m.value("probe_success")).isEqualTo(1);
      assertThat(m.value("probe_http_ssl")).isEqualTo(1);
      assertThat(m.value("probe_ssl_earliest_cert_expiry")).isEqualTo(leaf.expiry());
      assertThat(m.value("probe_ssl_last_chain_expiry_timestamp_seconds"))
          .isEqualTo(leaf.expiry());
      assertThat(m.value("probe_tls_version_info", "version", "TLS 1.3")).isEqualTo(1);
      assertThat(m.samples("probe_tls_cipher_info")).hasSize(1);
      String fingerprint = HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(leaf.cert().getEncoded()));
      assertThat(m.value("probe_ssl_last_chain_info", "fingerprint_sha256", fingerprint,
          "subject", "CN=localhost,O=Acme Probes", "issuer", "CN=Test Root",
          "subjectalternative", "localhost", "serialnumber",
          leaf.cert().getSerialNumber().toString(16))).isEqualTo(1);
      assertThat(m.value("probe_http_duration_seconds", "phase", "tls")).isPositive();
      assertThat(m.value("probe_http_duration_seconds", "phase", "connect")).isPositive();
      double phases = 0;
      for (Exposition.Sample s : m.samples("probe_http_duration_seconds")) {
        phases += s.value();
      }
      assertThat(phases).isLessThanOrEqualTo(m.value("probe_duration_seconds"));
      assertThat(probe(e, valid.url("/"), "tls12")
          .value("probe_tls_version_info", "version", "TLS 1.2")).isEqualTo(1);
    }
  }

  @Test
  void aCertificateExpiringInFiveDaysShowsItsExpiry() throws Exception {
    try (InProcessExporter e = Scraper.start(dir, modules)) {
      Exposition m = probe(e, expiring.url("/"), "trusted");
      assertThat(m.value("probe_success")).isEqualTo(1);
      double left = m.value("probe_ssl_earliest_cert_expiry") - System.currentTimeMillis() / 1e3;
      assertThat(left).isBetween(5 * 86400.0 - 120, 5 * 86400.0 + 1);
      assertThat(m.value("probe_ssl_earliest_cert_expiry")).isEqualTo(soon.expiry());
    }
  }

  @Test
  void anIntermediateCountsInEarliestAndTheRootInTheVerifiedChain() throws Exception {
    try (InProcessExporter e = Scraper.start(dir, modules)) {
      Exposition m = probe(e, chained.url("/"), "trusted");
      assertThat(m.value("probe_success")).isEqualTo(1);
      // Sent: the leaf (40 days) and the intermediate (10 days).
      assertThat(m.value("probe_ssl_earliest_cert_expiry")).isEqualTo(intermediate.expiry());
      // Verified: leaf, intermediate and the root (8 days), which was not sent.
      assertThat(m.value("probe_ssl_last_chain_expiry_timestamp_seconds"))
          .isEqualTo(chainRoot.expiry());
      assertThat(m.value("probe_ssl_last_chain_info", "issuer", "CN=Chain Intermediate",
          "subject", "CN=localhost")).isEqualTo(1);
    }
  }

  @Test
  void untrustedOrMisnamedServersFailWithReasonTls() throws Exception {
    try (InProcessExporter e = Scraper.start(dir, modules)) {
      Exposition untrusted = probe(e, valid.url("/"), "http_2xx");
      assertThat(untrusted.value("probe_success")).isZero();
      assertThat(untrusted.value("probe_failure_info", "reason", "tls")).isEqualTo(1);
      assertThat(untrusted.value("probe_http_status_code")).isZero();
      assertThat(untrusted.names()).doesNotContain("probe_ssl_earliest_cert_expiry");
      assertThat(probe(e, valid.url("/"), "other_name")
          .value("probe_failure_info", "reason", "tls")).isEqualTo(1);
      assertThat(probe(e, valid.url("/"), "named").value("probe_success")).isEqualTo(1);
      assertThat(probe(e, outdated.url("/"), "trusted")
          .value("probe_failure_info", "reason", "tls")).isEqualTo(1);
      assertThat(probe(e, valid.url("/"), "plain_only")
          .value("probe_failure_info", "reason", "ssl")).isEqualTo(1);
    }
  }

  @Test
  void insecureSkipVerifyStillReportsWhatWasSentButNoVerifiedChain() throws Exception {
    try (InProcessExporter e = Scraper.start(dir, modules)) {
      Exposition m = probe(e, outdated.url("/"), "insecure");
      assertThat(m.value("probe_success")).isEqualTo(1);
      assertThat(m.value("probe_ssl_earliest_cert_expiry")).isEqualTo(expired.expiry())
          .isLessThan(System.currentTimeMillis() / 1e3);
      // blackbox writes year 1 (-6.2e10) here; nothing is better than a wrong date.
      assertThat(m.names()).doesNotContain("probe_ssl_last_chain_expiry_timestamp_seconds");
    }
  }

  @Test
  void tcpProbesSpeakTlsToo() throws Exception {
    try (InProcessExporter e = Scraper.start(dir, modules)) {
      Exposition m = probe(e, "127.0.0.1:" + chained.port(), "tcp_tls");
      assertThat(m.value("probe_success")).isEqualTo(1);
      assertThat(m.value("probe_ssl_earliest_cert_expiry")).isEqualTo(intermediate.expiry());
      assertThat(m.value("probe_ssl_last_chain_expiry_timestamp_seconds"))
          .isEqualTo(chainRoot.expiry());
      assertThat(m.value("probe_tls_version_info", "version", "TLS 1.3")).isEqualTo(1);
      Exposition untrusted = probe(e, "127.0.0.1:" + valid.port(), "tcp_tls");
      assertThat(untrusted.value("probe_success")).isEqualTo(1);
      Exposition plain = probe(e, "127.0.0.1:" + valid.port(), "tcp_connect");
      assertThat(plain.names()).doesNotContain("probe_ssl_earliest_cert_expiry");
    }
  }
}
