package io.exporters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.common.secret.SecretMasker;
import io.exporters.testkit.Await;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import io.exporters.testkit.PrivatePostgres;
import io.exporters.testkit.ProcessResources;
import io.exporters.testkit.SilentServer;
import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * /probe under hostile use, against a private server with password authentication: no caller
 * is served through another's login, the process holds few backend connections whatever the
 * callers send, and a backend that never answers costs no thread or socket.
 */
class HostileProbeTest {
  private static final String PASSWORD = "right-pw-9x";
  private static PrivatePostgres pg;

  @BeforeAll
  static void server() throws Exception {
    pg = PrivatePostgres.withSettings("max_connections=20", "password_encryption=scram-sha-256");
    try (Connection c = pg.admin(); Statement s = c.createStatement()) {
      s.execute("CREATE ROLE mon LOGIN PASSWORD '" + PASSWORD + "'");
      s.execute("GRANT pg_monitor TO mon");
      s.execute("CREATE ROLE app LOGIN PASSWORD 'app-pw'");
    }
    pg.hba("host all postgres 127.0.0.1/32 trust",
        "host all all 127.0.0.1/32 scram-sha-256");
  }

  @AfterAll
  static void stop() throws Exception {
    pg.close();
  }

  private static String uri(String userInfo) {
    return "postgresql://" + userInfo + "@127.0.0.1:" + pg.port + "/postgres?sslmode=disable";
  }

  private static Exposition probe(InProcessExporter e, String target) throws Exception {
    InProcessExporter.Response r = e.get("/probe?target="
        + URLEncoder.encode(target, StandardCharsets.UTF_8), "X-Prometheus-Scrape-Timeout-Seconds",
        "3");
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    return r.exposition();
  }

  private static InProcessExporter exporter(String... args) throws Exception {
    return InProcessExporter.start(new PostgresExporter(), List.of(args), Map.of());
  }

  @Test
  void aProbeIsNeverServedThroughAnotherCallersLogin() throws Exception {
    try (InProcessExporter e = exporter()) {
      Exposition right = probe(e, uri("mon:" + PASSWORD));
      assertThat(right.value("pg_up")).isEqualTo(1);
      assertThat(right.names()).contains("pg_stat_database_xact_commit");
      for (String userInfo : List.of("mon:wrong", "mon:", "mon")) {
        Exposition m = probe(e, uri(userInfo));
        assertThat(m.value("pg_up")).as(userInfo).isZero();
        assertThat(m.names()).as(userInfo).doesNotContain("pg_stat_database_xact_commit");
      }
      assertThat(probe(e, uri("mon:" + PASSWORD)).value("pg_up")).isEqualTo(1);
    }
    // The other way round: a wrong login first takes nothing from the right one after it.
    try (InProcessExporter e = exporter()) {
      assertThat(probe(e, uri("mon:wrong")).value("pg_up")).isZero();
      assertThat(probe(e, uri("mon:" + PASSWORD)).value("pg_up")).isEqualTo(1);
    }
  }

  @Test
  void manyDistinctProbeTargetsHoldNoMoreThanTheConnectionCap() throws Exception {
    try (InProcessExporter e = exporter()) {
      ExecutorService callers = Executors.newFixedThreadPool(8);
      List<Future<Exposition>> answers = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String target = uri("mon:" + PASSWORD) + "&application_name=caller" + i;
        answers.add(callers.submit(() -> probe(e, target)));
      }
      for (Future<Exposition> answer : answers) {
        answer.get();
      }
      callers.shutdown();
      assertThat(monConnections()).isBetween(1, 10);
      // Everyone else can still log in.
      try (Connection app = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pg.port
          + "/postgres?sslmode=disable", "app", "app-pw")) {
        assertThat(app.isValid(2)).isTrue();
      }
    }
  }

  private static int monConnections() throws Exception {
    try (Connection c = pg.admin(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity "
            + "WHERE usename = 'mon'")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void aBackendThatNeverAnswersLeavesNoThreadOrSocketBehind() throws Exception {
    try (SilentServer.Running silent = SilentServer.start(); InProcessExporter e = exporter()) {
      String target = "postgresql://mon:x@127.0.0.1:" + silent.port() + "/postgres"
          + "?sslmode=disable";
      probe(e, target);
      ProcessResources self = ProcessResources.self();
      Await.until("the first scrape's socket is closed", Duration.ofSeconds(10),
          () -> self.socketsTo(silent.port()) == 0);
      int threadsBefore = self.threads();
      long fdsBefore = self.openFiles();
      for (int i = 0; i < 20; i++) {
        long started = System.nanoTime();
        InProcessExporter.Response r = e.get("/probe?target="
            + URLEncoder.encode(target, StandardCharsets.UTF_8),
            "X-Prometheus-Scrape-Timeout-Seconds", "1");
        assertThat((System.nanoTime() - started) / 1e9).isLessThan(1.0);
        assertThat(r.exposition().value("pg_up")).isZero();
      }
      Await.until("threads and files back to what they were", Duration.ofSeconds(10),
          () -> self.socketsTo(silent.port()) == 0 && self.threads() <= threadsBefore + 1
              && self.openFiles() <= fdsBefore + 2);
    }
  }

  @Test
  void passwordsFromProbesNeitherGrowNorSteerTheMasking() throws Exception {
    int configured = SecretMasker.configuredCount();
    try (InProcessExporter e = exporter()) {
      for (String password : List.of("level", "127.0.0.1", "unreachable", "postgres")) {
        probe(e, uri("mon:" + password));
      }
      for (int i = 0; i < 300; i++) {
        probe(e, uri("mon:distinct-" + i));
      }
      assertThat(SecretMasker.configuredCount()).isEqualTo(configured);
      assertThat(SecretMasker.mask("level=warn target=127.0.0.1:5432/postgres unreachable"))
          .doesNotContain(SecretMasker.MASK);
      assertThat(e.get("/").text()).doesNotContain("&lt;secret&gt;");
    }
  }

  @Test
  void debugLogsShowNeitherTheHttpServersInternalsNorAProbePassword() throws Exception {
    java.io.PrintStream stderr = System.err;
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
    try (InProcessExporter e = exporter("--log.level=debug")) {
      probe(e, uri("mon:debug-pw-31x"));
      probe(e, uri("mon") + "&password=debug-pw-32y");
      probe(e, "host=127.0.0.1 port=" + pg.port + " user=mon password='debug pw 33z'");
    } finally {
      System.setErr(stderr);
      io.exporters.common.log.Logging.configure("info", "logfmt");
    }
    String logs = captured.toString(StandardCharsets.UTF_8);
    assertThat(logs).as("the capture works").contains("msg=listening", "level=warn");
    assertThat(logs).doesNotContain("debug-pw", "debug%2Dpw", "33z", "logger=org.eclipse.jetty",
        "logger=Server");
    assertThat(logs.lines().filter(l -> l.contains("logger=")).count()).isLessThan(60);
  }
}
