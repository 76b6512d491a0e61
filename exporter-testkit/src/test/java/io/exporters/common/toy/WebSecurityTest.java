package io.exporters.common.toy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.exporters.testkit.InProcessExporter;
import io.exporters.testkit.TestCertificates;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --web.config.file: basic auth on every endpoint but /-/healthy, and TLS. */
class WebSecurityTest {
  @TempDir Path dir;

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString(
        (user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void everyEndpointButHealthyNeedsCredentials() throws Exception {
    String hash = new String(BCrypt.withDefaults().hash(4, "pw".toCharArray()),
        StandardCharsets.UTF_8);
    Path web = dir.resolve("web.yml");
    Files.writeString(web, "basic_auth_users:\n  prometheus: " + hash + "\n");
    try (InProcessExporter e = InProcessExporter.start(new ToyExporter(),
        List.of("--web.config.file=" + web, "--toy.backend=auth"), Map.of())) {
      for (String path : List.of("/", "/metrics", "/probe?target=toy://x", "/-/ready")) {
        InProcessExporter.Response r = e.get(path);
        assertThat(r.status()).as(path).isEqualTo(401);
        assertThat(r.headers().get("www-authenticate")).startsWith("Basic");
        assertThat(e.get(path, "Authorization", basic("prometheus", "wrong")).status())
            .as(path).isEqualTo(401);
      }
      assertThat(e.post("/-/reload").status()).isEqualTo(401);
      assertThat(e.get("/-/healthy").status()).isEqualTo(200);
      InProcessExporter.Response ok = e.get("/metrics", "Authorization", basic("prometheus", "pw"));
      assertThat(ok.status()).isEqualTo(200);
      assertThat(ok.exposition().value("toy_up")).isEqualTo(1);
    }
  }

  @Test
  void tlsHandshakeWithAGeneratedCertificate() throws Exception {
    TestCertificates certs = TestCertificates.create(dir);
    Path web = dir.resolve("web.yml");
    Files.writeString(web, "tls_server_config:\n  cert_file: " + certs.serverCertFile()
        + "\n  key_file: " + certs.serverKeyFile() + "\n");
    HttpClient tls = HttpClient.newBuilder().sslContext(certs.clientContext(false)).build();
    try (InProcessExporter e = InProcessExporter.start(new ToyExporter(),
        List.of("--web.config.file=" + web, "--toy.backend=tls"), Map.of(), tls, "https")) {
      InProcessExporter.Response r = e.get("/metrics");
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.exposition().value("toy_up")).isEqualTo(1);

      HttpClient plain = HttpClient.newHttpClient();
      assertThatThrownBy(() -> plain.send(java.net.http.HttpRequest.newBuilder(
              java.net.URI.create("http://127.0.0.1:" + e.port() + "/metrics")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode())
          .isInstanceOf(java.io.IOException.class);
    }
  }

  @Test
  void badWebConfigStopsStartUp() throws Exception {
    Path web = dir.resolve("web.yml");
    Files.writeString(web, "basic_auth_users:\n  prometheus: not-a-bcrypt-hash\n");
    assertThatThrownBy(() -> InProcessExporter.start(new ToyExporter(),
        List.of("--web.config.file=" + web), Map.of()))
        .hasMessageContaining(web.toString()).hasMessageContaining("basic_auth_users");
  }
}
