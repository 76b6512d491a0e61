package io.exporters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.testkit.Backends;
import io.exporters.testkit.InProcessExporter;
import io.exporters.testkit.TestCertificates;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database name cannot carry driver options: {@code x?sslmode=disable} is a database name, so
 * an auth module's {@code sslmode: verify-full} still refuses a server that cannot prove who it
 * is, and its password never reaches a server that asks for it in clear.
 */
class OptionInjectionTest {
  private static final String MODULE_PASSWORD = "module-secret-pw-81";

  private static InProcessExporter exporter(Path dir, String extraModule) throws Exception {
    Path ca = TestCertificates.create(dir).caCertFile();
    Path config = dir.resolve("postgres_exporter.yml");
    Files.writeString(config, String.join("\n",
        "auth_modules:",
        "  secure:",
        "    type: userpass",
        "    userpass: {username: mon, password: " + MODULE_PASSWORD + "}",
        "    options: {sslmode: verify-full, sslrootcert: '" + ca + "'}",
        "  plain:",
        "    type: userpass",
        "    userpass: {username: mon, password: " + MODULE_PASSWORD + "}",
        "    options: {sslmode: disable}",
        "  fenced:",
        "    type: userpass",
        "    userpass: {username: mon, password: " + MODULE_PASSWORD + "}",
        "    options: {sslmode: disable}",
        "    allowed_targets: ['db-*.internal', '127.0.0.1:" + Backends.postgres().port() + "']",
        extraModule, ""));
    return InProcessExporter.start(new PostgresExporter(),
        List.of("--config.file=" + config), Map.of());
  }

  private static InProcessExporter.Response probe(InProcessExporter e, String target,
      String module) throws Exception {
    InProcessExporter.Response r = e.get("/probe?auth_module=" + module + "&target="
        + URLEncoder.encode(target, StandardCharsets.UTF_8),
        "X-Prometheus-Scrape-Timeout-Seconds", "3");
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    return r;
  }

  @Test
  void anEscapedQuestionMarkCannotTurnOffTheModulesTls(@TempDir Path dir) throws Exception {
    try (CleartextPasswordServer trap = new CleartextPasswordServer();
        InProcessExporter e = exporter(dir, "")) {
      for (String target : List.of(
          "127.0.0.1:" + trap.port() + "/x%3Fsslmode%3Ddisable",
          "postgresql://127.0.0.1:" + trap.port() + "/x%3Fsslmode%3Ddisable%26sslmode%3Ddisable",
          "host=127.0.0.1 port=" + trap.port() + " dbname='x?sslmode=disable'")) {
        assertThat(probe(e, target, "secure").exposition().value("pg_up")).as(target).isZero();
      }
      assertThat(trap.passwords()).isEmpty();
      assertThat(trap.startups()).as("verify-full stops at the refused TLS request").isEmpty();

      // The trap does catch a module that allows clear text: the test above can fail.
      probe(e, "127.0.0.1:" + trap.port() + "/postgres", "plain");
      assertThat(trap.passwords()).containsExactly(MODULE_PASSWORD);
    }
  }

  @Test
  void aModulesPasswordGoesOnlyToItsAllowedTargets(@TempDir Path dir) throws Exception {
    try (CleartextPasswordServer trap = new CleartextPasswordServer();
        InProcessExporter e = exporter(dir, "")) {
      InProcessExporter.Response refused = e.get("/probe?auth_module=fenced&target="
          + URLEncoder.encode("127.0.0.1:" + trap.port() + "/postgres", StandardCharsets.UTF_8));
      assertThat(refused.status()).isEqualTo(403);
      assertThat(refused.text()).contains("not in auth_module 'fenced' allowed_targets")
          .doesNotContain(MODULE_PASSWORD);
      assertThat(trap.startups()).isEmpty();
      // The allowed host is probed (the shared server refuses the unknown role: up 0, no 403).
      assertThat(probe(e, Backends.postgres().address() + "/postgres", "fenced").status())
          .isEqualTo(200);
      assertThat(e.get("/").text()).contains("fenced: allowed targets db-*.internal",
          "plain: <strong class=\"warning\">");
    }
  }

  @Test
  void optionsWrittenIntoADatabaseNameNameADatabase(@TempDir Path dir) throws Exception {
    Backends.Endpoint server = Backends.postgres();
    String role = "inj_" + UUID.randomUUID().toString().substring(0, 8);
    String database = "x?user=nosuch&options=-c statement_timeout=1&ApplicationName=i";
    try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + server.address()
        + "/postgres?sslmode=disable", Backends.postgresUser(), "");
        Statement s = admin.createStatement()) {
      s.execute("CREATE ROLE " + role + " LOGIN");
      s.execute("GRANT pg_monitor TO " + role);
      s.execute("CREATE DATABASE \"" + database + "\"");
      try (InProcessExporter e = exporter(dir, String.join("\n",
          "  local:",
          "    type: userpass",
          "    userpass: {username: " + role + ", password: unused}",
          "    options: {sslmode: disable}"))) {
        String target = server.address() + "/"
            + URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20");
        InProcessExporter.Response r = probe(e, target, "local");
        assertThat(r.exposition().value("pg_up")).isEqualTo(1);
        assertThat(r.exposition().names()).contains("pg_stat_database_xact_commit");
        try (ResultSet rs = s.executeQuery("SELECT datname, application_name FROM "
            + "pg_stat_activity WHERE usename = '" + role + "'")) {
          assertThat(rs.next()).as("the exporter's connection is there").isTrue();
          assertThat(rs.getString(1)).isEqualTo(database);
          assertThat(rs.getString(2)).isEqualTo("exporter-postgres");
        }
      } finally {
        s.execute("DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
        s.execute("DROP ROLE IF EXISTS " + role);
      }
    }
  }
}
