package io.exporters.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.common.testing.TestCertificates;
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
 * it (deploy/runtime/start.sh): proof that the module list is enough, TLS included (an HTTPS web
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
    try (SslPostgres pg = new SslPostgres(certs.serverCertFile(), certs.serverKeyFile());
        JarProcess e = new JarProcess(runtime, Repo.jar("postgres"),
            List.of("--web.config.file=" + webConfig),
            Map.of("DATA_SOURCE_NAME", "postgresql://postgres@127.0.0.1:" + pg.port
                + "/postgres?sslmode=require"), dir.resolve("postgres.log"), https, "https")) {
      String metrics = e.get("/metrics").body();
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
  void cloudflareStartsAndServesOverTls() throws Exception {
    try (JarProcess e = new JarProcess(runtime, Repo.jar("cloudflare"),
        List.of("--web.config.file=" + webConfig), Map.of(), dir.resolve("cloudflare.log"),
        https, "https")) {
      assertThat(e.get("/-/healthy").statusCode()).isEqualTo(200);
      assertThat(e.get("/metrics").body()).as(e.log()).contains("cloudflare_exporter_build_info");
    }
  }
}
