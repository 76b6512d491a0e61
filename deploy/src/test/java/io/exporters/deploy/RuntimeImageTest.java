package io.exporters.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.testkit.ExporterProcess;
import io.exporters.testkit.PrivatePostgres;
import io.exporters.testkit.TestCertificates;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The images' runtime, made here as the Dockerfile makes it (deploy/runtime/build-runtime.sh,
 * the module list in deploy/runtime/modules) and each exporter started on it as the image starts
 * it (java @jvm.options -jar): proof that the module list is enough, TLS included (an HTTPS web
 * config, and PostgreSQL with sslmode=require).
 */
class RuntimeImageTest {
  @TempDir static Path dir;
  static Path runtime;
  static TestCertificates certs;
  static Path webConfig;
  static HttpClient https;

  @BeforeAll
  static void buildRuntime() throws Exception {
    runtime = dir.resolve("runtime");
    Process p = new ProcessBuilder(Repo.file("deploy/runtime/build-runtime.sh").toString(),
        runtime.toString(), Path.of(System.getProperty("java.home")).toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(300, TimeUnit.SECONDS) && p.exitValue() == 0).as(out).isTrue();
    certs = TestCertificates.create(dir.resolve("certs"));
    webConfig = Files.writeString(dir.resolve("web.yml"), "tls_server_config:\n"
        + "  cert_file: " + certs.serverCertFile() + "\n  key_file: " + certs.serverKeyFile()
        + "\n");
    https = HttpClient.newBuilder().sslContext(certs.clientContext(false)).build();
  }

  @Test
  void theRuntimeHoldsOnlyTheListedModules() throws Exception {
    String release = Files.readString(runtime.resolve("release"));
    for (String module : Files.readAllLines(Repo.file("deploy/runtime/modules"))) {
      if (!module.isBlank() && !module.startsWith("#")) {
        assertThat(release).contains(module.trim());
      }
    }
    assertThat(release).doesNotContain("java.desktop");
    assertThat(runtime.resolve("lib/server/classes.jsa")).exists();
  }

  @Test
  void postgresOverTlsToAServerThatRequiresIt() throws Exception {
    try (PrivatePostgres pg = PrivatePostgres.withTls(certs.serverCertFile(), certs.serverKeyFile());
        ExporterProcess e = image("postgres").args(List.of("--web.config.file=" + webConfig))
            .env(Map.of("DATA_SOURCE_NAME", "postgresql://postgres@127.0.0.1:" + pg.port
                + "/postgres?sslmode=require")).log(dir.resolve("postgres.log")).https(https)
            .start()) {
      String metrics = e.text("/metrics");
      assertThat(metrics).as(e.log()).contains("\npg_up 1\n", "pg_stat_database_xact_commit");
      try (var admin = java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:"
          + pg.port + "/postgres?sslmode=disable", "postgres", "");
          var st = admin.createStatement();
          var rs = st.executeQuery("SELECT bool_and(ssl) FROM pg_stat_ssl s JOIN "
              + "pg_stat_activity a USING (pid) WHERE a.application_name = 'exporter-postgres'")) {
        rs.next();
        assertThat(rs.getBoolean(1)).as("the exporter's connections use TLS").isTrue();
      }
    }
  }

  @Test
  void redisOverTlsWithClientCertificates() throws Exception {
    int port = io.exporters.testkit.Backends.freePort();
    Process redis = new ProcessBuilder("redis-server", "--port", "0", "--tls-port",
        String.valueOf(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
        "--dir", dir.toString(), "--tls-cert-file", certs.serverCertFile().toString(),
        "--tls-key-file", certs.serverKeyFile().toString(), "--tls-ca-cert-file",
        certs.caCertFile().toString(), "--tls-auth-clients", "yes").redirectErrorStream(true)
        .redirectOutput(dir.resolve("redis-tls.log").toFile()).start();
    try (ExporterProcess e = image("redis").args(List.of(
        "--tls-ca-cert-file=" + certs.caCertFile(),
        "--tls-client-cert-file=" + certs.clientCertFile(),
        "--tls-client-key-file=" + certs.clientKeyFile()))
        .env(Map.of("REDIS_ADDR", "rediss://127.0.0.1:" + port)).log(dir.resolve("redis.log"))
        .start()) {
      String metrics = "";
      for (int i = 0; i < 50 && !metrics.contains("\nredis_up 1\n"); i++) {
        Thread.sleep(100);
        metrics = e.text("/metrics");
      }
      assertThat(metrics).as(e.log()).contains("\nredis_up 1\n", "redis_connected_clients");
    } finally {
      redis.destroy();
      redis.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void scraperProbesAnHttpsEndpoint() throws Exception {
    com.sun.net.httpserver.HttpsServer server = com.sun.net.httpserver.HttpsServer.create(
        new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(
        certs.serverContext()));
    server.createContext("/health", x -> {
      byte[] body = "{\"status\":\"UP\"}".getBytes();
      x.getResponseHeaders().set("Content-Type", "application/json");
      x.sendResponseHeaders(200, body.length);
      x.getResponseBody().write(body);
      x.close();
    });
    server.start();
    Path config = Files.writeString(dir.resolve("scraper.yml"), "modules:\n  https_health:\n"
        + "    prober: http\n    health: {format: auto}\n    http:\n      tls_config:\n"
        + "        ca_file: " + certs.caCertFile() + "\n");
    try (ExporterProcess e = image("scraper").args(List.of("--config.file=" + config))
        .log(dir.resolve("scraper.log")).start()) {
      String target = "https://localhost:" + server.getAddress().getPort() + "/health";
      String body = e.text("/probe?module=https_health&target=" + target);
      assertThat(body).as(e.log()).contains("\nprobe_success 1\n", "\nprobe_http_ssl 1\n",
          "probe_ssl_earliest_cert_expiry", "health_overall_up 1");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void cloudflareStartsAndServesOverTls() throws Exception {
    try (ExporterProcess e = image("cloudflare").args(List.of("--web.config.file=" + webConfig))
        .log(dir.resolve("cloudflare.log")).https(https).start()) {
      assertThat(e.get("/-/healthy").status()).isEqualTo(200);
      assertThat(e.text("/metrics")).as(e.log()).contains("cloudflare_exporter_build_info");
    }
  }

  @Test
  void anArchiveTrainedAsTheImageTrainsItIsMapped() throws Exception {
    Path archive = dir.resolve("redis.jsa");
    Process train = new ProcessBuilder(Repo.file("deploy/runtime/train-cds.sh").toString(),
        runtime.resolve("bin/java").toString(), Repo.jar("redis").toString(), archive.toString(),
        "redis").redirectErrorStream(true).start();
    String out = new String(train.getInputStream().readAllBytes());
    assertThat(train.waitFor(120, TimeUnit.SECONDS) && train.exitValue() == 0).as(out).isTrue();
    assertThat(archive).isNotEmptyFile();
    // The image's argument file (jvm.options and the archive) with -Xshare:on: the JVM refuses
    // to start unless it maps the archive.
    Path options = Files.writeString(dir.resolve("jvm-share-on.options"),
        Files.readString(Repo.file("jvm.options")).trim() + "\n-XX:SharedArchiveFile=" + archive
        + "\n-Xshare:on\n");
    try (ExporterProcess e = image("redis").argFile(options)
        .args(List.of("--redis.addr=redis://127.0.0.1:1")).log(dir.resolve("redis-cds.log"))
        .start()) {
      assertThat(e.text("/metrics")).as(e.log()).contains("\nredis_up 0\n");
      assertThat(e.log()).doesNotContain("[cds]");
    }
  }

  /** An exporter's jar started as its image starts it: this runtime, the shipped flags. */
  private static ExporterProcess.Builder image(String exporter) {
    return ExporterProcess.ofJar(Repo.jar(exporter)).javaHome(runtime)
        .argFile(Repo.file("jvm.options"));
  }
}
