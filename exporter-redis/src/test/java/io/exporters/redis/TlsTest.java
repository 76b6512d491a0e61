package io.exporters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.testkit.Backends;
import io.exporters.testkit.InProcessExporter;
import io.exporters.testkit.PrivateRedis;
import io.exporters.testkit.TestCertificates;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * rediss:// against a private TLS server that asks for client certificates: the CA file, the
 * client certificate and key, verification by name (and its --tls-server-name / per-request
 * override), and skipping verification.
 */
class TlsTest {
  @TempDir
  Path dir;

  @Test
  void rediss() throws Exception {
    TestCertificates certs = TestCertificates.create(dir);
    int tlsPort = Backends.freePort();
    try (PrivateRedis redis = PrivateRedis.start("--tls-port", Integer.toString(tlsPort),
        "--tls-cert-file", certs.serverCertFile().toString(),
        "--tls-key-file", certs.serverKeyFile().toString(),
        "--tls-ca-cert-file", certs.caCertFile().toString(), "--tls-auth-clients", "yes")) {
      // The same server's plain port, and its TLS port spoken to in plain text.
      assertThat(up(redis.url(), List.of())).isEqualTo(1);
      assertThat(up("redis://127.0.0.1:" + tlsPort, List.of())).isZero();
      String target = "rediss://127.0.0.1:" + tlsPort;
      String ca = "--tls-ca-cert-file=" + certs.caCertFile();
      String cert = "--tls-client-cert-file=" + certs.clientCertFile();
      String key = "--tls-client-key-file=" + certs.clientKeyFile();

      assertThat(up(target, List.of(ca, cert, key))).isEqualTo(1);
      assertThat(up("valkeys://localhost:" + tlsPort, List.of(ca, cert, key))).isEqualTo(1);
      // The server wants a client certificate.
      assertThat(up(target, List.of(ca))).isZero();
      // The server's CA is not the system's.
      assertThat(up(target, List.of(cert, key))).isZero();
      assertThat(up(target, List.of(cert, key, "--skip-tls-verification"))).isEqualTo(1);
      // Verified by another name than the address's: only if the certificate has it.
      assertThat(up(target, List.of(ca, cert, key, "--tls-server-name=wrong.example")))
          .isZero();
      assertThat(up(target, List.of(ca, cert, key, "--tls-server-name=localhost")))
          .isEqualTo(1);
      try (InProcessExporter e = Scrapes.exporter(ca, cert, key)) {
        assertThat(Scrapes.scrape(e, target, 3, "tls-server-name", "wrong.example")
            .value("redis_up")).isZero();
      }
    }
  }

  private static double up(String target, List<String> flags) throws Exception {
    try (InProcessExporter e = Scrapes.exporter(flags.toArray(String[]::new))) {
      return Scrapes.scrape(e, target, 3).value("redis_up");
    }
  }
}
