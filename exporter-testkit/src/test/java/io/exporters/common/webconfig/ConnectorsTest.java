package io.exporters.common.webconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exporters.testkit.TestCertificates;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real Javalin servers on 127.0.0.1 with connectors from {@link Connectors}, real clients. */
class ConnectorsTest {
  @TempDir
  Path dir;

  private final List<Javalin> apps = new ArrayList<>();

  @AfterEach
  void stopServers() {
    apps.forEach(Javalin::stop);
  }

  @Test
  void plainHttpWithoutTls() throws Exception {
    Javalin app = start(WebConfig.empty());

    HttpResponse<String> response = get(HttpClient.newHttpClient(), "http", app.port());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("ok");
  }

  @Test
  void servesHttpsOnlyOnTheConfiguredConnector() throws Exception {
    TestCertificates certs = TestCertificates.create(dir.resolve("pki"));
    Javalin app = start(load(serverTls(certs)));

    Connector[] connectors = app.jettyServer().server().getConnectors();
    assertThat(connectors).hasSize(1);
    int port = ((ServerConnector) connectors[0]).getLocalPort();
    assertThat(app.port()).isEqualTo(port);

    HttpResponse<String> response = get(client(certs.clientContext(false)), "https", port);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("ok");
    assertThat(response.sslSession()).isPresent();
  }

  @Test
  void plainHttpToTheTlsPortFails() throws Exception {
    TestCertificates certs = TestCertificates.create(dir.resolve("pki"));
    Javalin app = start(load(serverTls(certs)));

    assertThatThrownBy(() -> get(HttpClient.newHttpClient(), "http", app.port()))
        .isInstanceOf(IOException.class);
  }

  @Test
  void minVersionTls13RejectsATls12Client() throws Exception {
    TestCertificates certs = TestCertificates.create(dir.resolve("pki"));
    Javalin app = start(load(serverTls(certs) + "  min_version: TLS13\n"));

    assertThatThrownBy(() -> get(client(certs.clientContext(false), "TLSv1.2"), "https",
        app.port())).isInstanceOf(SSLHandshakeException.class);
    HttpResponse<String> tls13 =
        get(client(certs.clientContext(false), "TLSv1.3"), "https", app.port());
    assertThat(tls13.sslSession().orElseThrow().getProtocol()).isEqualTo("TLSv1.3");
  }

  @Test
  void maxVersionAndCipherSuitesAreHonoured() throws Exception {
    TestCertificates certs = TestCertificates.create(dir.resolve("pki"));
    Javalin app = start(load(serverTls(certs) + "  max_version: TLS12\n"
        + "  cipher_suites: [TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384]\n"));

    HttpResponse<String> response = get(client(certs.clientContext(false)), "https", app.port());

    assertThat(response.sslSession().orElseThrow().getProtocol()).isEqualTo("TLSv1.2");
    assertThat(response.sslSession().orElseThrow().getCipherSuite())
        .isEqualTo("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");
  }

  @Test
  void requireAndVerifyClientCertNeedsACertificateFromTheCa() throws Exception {
    TestCertificates certs = TestCertificates.create(dir.resolve("pki"));
    Javalin app = start(load(serverTls(certs)
        + "  client_auth_type: RequireAndVerifyClientCert\n"
        + "  client_ca_file: " + certs.caCertFile() + "\n"));

    assertThatThrownBy(() -> get(client(certs.clientContext(false)), "https", app.port()))
        .isInstanceOf(IOException.class);
    assertThat(get(client(certs.clientContext(true)), "https", app.port()).statusCode())
        .isEqualTo(200);
  }

  @Test
  void requireAndVerifyRejectsAClientCertFromAnotherCa() throws Exception {
    TestCertificates certs = TestCertificates.create(dir.resolve("pki"));
    TestCertificates otherCa = TestCertificates.create(dir.resolve("other"));
    Javalin app = start(load(serverTls(certs)
        + "  client_auth_type: RequireAndVerifyClientCert\n"
        + "  client_ca_file: " + otherCa.caCertFile() + "\n"));

    assertThatThrownBy(() -> get(client(certs.clientContext(true)), "https", app.port()))
        .isInstanceOf(IOException.class);
  }

  @Test
  void clientAllowedSansRejectsACertificateWithAnotherSan() throws Exception {
    TestCertificates certs = TestCertificates.create(dir.resolve("pki"), "intruder.example");
    Javalin app = start(load(serverTls(certs)
        + "  client_auth_type: RequireAndVerifyClientCert\n"
        + "  client_ca_file: " + certs.caCertFile() + "\n"
        + "  client_allowed_sans: [prometheus.example, 10.0.0.1]\n"));

    assertThatThrownBy(() -> get(client(certs.clientContext(true)), "https", app.port()))
        .isInstanceOf(IOException.class);
  }

  @Test
  void clientAllowedSansAcceptsAListedSan() throws Exception {
    TestCertificates certs = TestCertificates.create(dir.resolve("pki"), "prometheus.example");
    Javalin app = start(load(serverTls(certs)
        + "  client_auth_type: RequireAndVerifyClientCert\n"
        + "  client_ca_file: " + certs.caCertFile() + "\n"
        + "  client_allowed_sans: [other.example, prometheus.example]\n"));

    assertThat(get(client(certs.clientContext(true)), "https", app.port()).statusCode())
        .isEqualTo(200);
  }

  @Test
  void clientAllowedSansMatchesIpv6AsGoWritesIt() throws Exception {
    // Java reports this SAN as 0:0:0:0:0:0:0:1; the file says ::1 as a Go user would.
    TestCertificates certs = TestCertificates.create(dir.resolve("pki"), "::1");
    Javalin app = start(load(serverTls(certs)
        + "  client_auth_type: RequireAnyClientCert\n"
        + "  client_allowed_sans: [\"::1\"]\n"));

    assertThat(get(client(certs.clientContext(true)), "https", app.port()).statusCode())
        .isEqualTo(200);
  }

  @Test
  void requireAnyClientCertWantsACertificateButNotItsChain() throws Exception {
    TestCertificates certs = TestCertificates.create(dir.resolve("pki"));
    TestCertificates unrelated = TestCertificates.create(dir.resolve("other"));
    Javalin app = start(load(serverTls(certs)
        + "  client_auth_type: RequireAnyClientCert\n"));
    // Trusts the server's CA but presents a certificate from a CA the server never heard of.
    SSLContext mixed = SSLContext.getInstance("TLS");
    mixed.init(unrelated.clientKeyManagers(), certs.trustManagers(), null);

    assertThatThrownBy(() -> get(client(certs.clientContext(false)), "https", app.port()))
        .isInstanceOf(IOException.class);
    assertThat(get(client(mixed), "https", app.port()).statusCode()).isEqualTo(200);
  }

  private Javalin start(WebConfig config) {
    Javalin app = Javalin.create(cfg -> {
      cfg.startup.showJavalinBanner = false;
      cfg.jetty.addConnector((server, httpConfig) ->
          Connectors.create(server, httpConfig, config, "127.0.0.1", 0));
      cfg.routes.get("/x", ctx -> ctx.result("ok"));
    });
    apps.add(app);
    return app.start();
  }

  private WebConfig load(String yaml) throws Exception {
    Path file = dir.resolve("web.yml");
    Files.writeString(file, yaml);
    return WebConfig.load(file);
  }

  private static String serverTls(TestCertificates certs) {
    return "tls_server_config:\n"
        + "  cert_file: " + certs.serverCertFile() + "\n"
        + "  key_file: " + certs.serverKeyFile() + "\n";
  }

  private static HttpClient client(SSLContext context, String... protocols) {
    HttpClient.Builder builder = HttpClient.newBuilder().sslContext(context)
        .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5));
    if (protocols.length > 0) {
      SSLParameters params = new SSLParameters();
      params.setProtocols(protocols);
      builder.sslParameters(params);
    }
    return builder.build();
  }

  private static HttpResponse<String> get(HttpClient client, String scheme, int port)
      throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create(scheme + "://127.0.0.1:" + port + "/x"))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
