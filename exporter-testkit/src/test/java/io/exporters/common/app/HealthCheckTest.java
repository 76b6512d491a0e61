package io.exporters.common.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.common.toy.ToyExporter;
import io.exporters.testkit.Backends;
import io.exporters.testkit.InProcessExporter;
import io.exporters.testkit.TestCertificates;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The images' health check follows the address the exporter listens on, whatever flag set it:
 * the exporter writes it to EXPORTER_ADDRESS_FILE, the check reads it; TLS (client certificates
 * required included) counts as alive; nothing listening is unhealthy (exit 1).
 */
class HealthCheckTest {
  @TempDir Path dir;

  @Test
  void followsTheListenAddressGivenByFlag() throws Exception {
    Path file = dir.resolve("address");
    int port = Backends.freePort();
    try (InProcessExporter e = InProcessExporter.start(new ToyExporter(),
        List.of("--web.listen-address=127.0.0.1:" + port, "--toy.backend=hc"),
        Map.of(AddressFile.ENV, file.toString()))) {
      assertThat(Files.readString(file).strip()).isEqualTo("http://127.0.0.1:" + port);
      assertThat(run(file)).isZero();
    }
  }

  @Test
  void aWildcardAddressIsCheckedOnLoopback() {
    assertThat(AddressFile.url(io.exporters.common.config.ListenAddress.parse(":9187"), 9187,
        false)).isEqualTo("http://127.0.0.1:9187");
    assertThat(AddressFile.url(io.exporters.common.config.ListenAddress.parse("[::1]:0"), 4000,
        true)).isEqualTo("https://[::1]:4000");
  }

  @Test
  void tlsThatRequiresAClientCertificateIsAlive() throws Exception {
    TestCertificates certs = TestCertificates.create(dir.resolve("pki"));
    Path web = Files.writeString(dir.resolve("web.yml"), "tls_server_config:\n  cert_file: "
        + certs.serverCertFile() + "\n  key_file: " + certs.serverKeyFile()
        + "\n  client_auth_type: RequireAndVerifyClientCert\n  client_ca_file: "
        + certs.caCertFile() + "\n");
    Path file = dir.resolve("address");
    try (InProcessExporter e = InProcessExporter.start(new ToyExporter(),
        List.of("--web.config.file=" + web, "--toy.backend=hc-tls"),
        Map.of(AddressFile.ENV, file.toString()),
        HttpClient.newBuilder().sslContext(certs.clientContext(true)).build(), "https")) {
      String url = Files.readString(file).strip();
      assertThat(url).isEqualTo("https://127.0.0.1:" + e.port());
      assertThat(HealthCheck.check(URI.create(url))).startsWith("HTTP/1.1 200");
      assertThat(run(file)).isZero();
    }
  }

  @Test
  void nothingListeningOrNoFileIsUnhealthy() throws Exception {
    Path file = Files.writeString(dir.resolve("address"),
        "http://127.0.0.1:" + Backends.freePort() + "\n");
    assertThat(run(file)).isEqualTo(1);
    assertThat(run(dir.resolve("missing"))).isEqualTo(1);
  }

  /** Runs the check as the image does: its own JVM, its exit code. */
  private static int run(Path file) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), HealthCheck.class.getName())
        .redirectErrorStream(true);
    pb.environment().put(AddressFile.ENV, file.toString());
    Process p = pb.start();
    p.getInputStream().transferTo(System.out);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return p.exitValue();
  }
}
