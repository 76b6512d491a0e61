package io.exporters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.testkit.Await;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import io.exporters.testkit.PrivatePostgres;
import io.exporters.testkit.ProcessResources;
import io.exporters.testkit.SilentServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * What the exporter takes from a server and what /probe callers can take from the configured
 * target: the configured DSN keeps its own connections while probes of a server that never
 * answers pile up, and a DSN on a server with many databases does not sit on a connection per
 * database between scrapes (the formula is in the README).
 */
class ConnectionBudgetsTest {
  /** scrape.max_probe_connections by default. */
  private static final int PROBE_BUDGET = 10;

  @Test
  void probesOfASilentServerCannotStarveTheConfiguredTarget() throws Exception {
    try (PostgresTestDatabase db = new PostgresTestDatabase();
        SilentServer.Running silent = SilentServer.start();
        InProcessExporter e = InProcessExporter.start(new PostgresExporter(), List.of(),
            Map.of("DATA_SOURCE_NAME", db.dsn()))) {
      AtomicBoolean stop = new AtomicBoolean();
      ExecutorService callers = Executors.newFixedThreadPool(20);
      List<Future<?>> loops = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        int caller = i;
        loops.add(callers.submit(() -> {
          int n = 0;
          while (!stop.get()) {
            String target = "postgresql://user" + caller + "x" + n++ + ":pw@127.0.0.1:"
                + silent.port() + "/postgres?sslmode=disable";
            e.get("/probe?target=" + URLEncoder.encode(target, StandardCharsets.UTF_8),
                "X-Prometheus-Scrape-Timeout-Seconds", "5");
          }
          return null;
        }));
      }
      try {
        // The flood holds every connection the probes' budget allows, all to the silent server.
        ProcessResources self = ProcessResources.self();
        Await.until("the probes hold their budget's connections", Duration.ofSeconds(20),
            () -> self.socketsTo(silent.port()) >= PROBE_BUDGET);
        for (int i = 0; i < 5; i++) {
          InProcessExporter.Response r = e.get("/metrics",
              "X-Prometheus-Scrape-Timeout-Seconds", "3");
          assertThat(r.status()).isEqualTo(200);
          Exposition m = r.exposition();
          assertThat(m.value("pg_up")).as("scrape " + i + " while probes hang").isEqualTo(1);
          assertThat(m.value("pg_scrape_collector_success", "collector", "database"))
              .isEqualTo(1);
        }
      } finally {
        stop.set(true);
        for (Future<?> loop : loops) {
          loop.get();
        }
        callers.shutdown();
      }
    }
  }

  @Test
  void aServerWithManyDatabasesKeepsFewConnectionsBetweenScrapes() throws Exception {
    try (PrivatePostgres pg = PrivatePostgres.withSettings("max_connections=20",
        "superuser_reserved_connections=0")) {
      try (Connection c = pg.admin(); Statement s = c.createStatement()) {
        for (int i = 1; i <= 6; i++) {
          s.execute("CREATE DATABASE app" + i);
        }
      }
      try (InProcessExporter e = InProcessExporter.start(new PostgresExporter(), List.of(),
          Map.of("DATA_SOURCE_NAME", "postgresql://postgres@127.0.0.1:" + pg.port
              + "/postgres?sslmode=disable"))) {
        for (int i = 0; i < 2; i++) {
          Exposition m = e.scrape();
          assertThat(m.value("pg_up")).isEqualTo(1);
          assertThat(m.value("pg_scrape_collector_success", "collector", "stat_user_tables"))
              .as("it visits every database").isEqualTo(1);
        }
        // The other databases' connections close within seconds; the DSN's stay for the next
        // scrape: at most scrape.max_connections_per_target (3).
        int held = Await.value("the other databases' connections close", Duration.ofSeconds(20),
            () -> exporterConnections(pg), n -> n <= 3);
        assertThat(held).isPositive();
        // Everyone else can log in: 17 clients of a 20-connection server.
        List<Connection> others = new ArrayList<>();
        try {
          for (int i = 0; i < 17; i++) {
            others.add(DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pg.port
                + "/postgres?sslmode=disable", "postgres", ""));
          }
          assertThat(others).hasSize(17);
        } finally {
          for (Connection c : others) {
            c.close();
          }
        }
      }
    }
  }

  private static int exporterConnections(PrivatePostgres pg) throws Exception {
    try (Connection c = pg.admin(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity "
            + "WHERE application_name = 'exporter-postgres'")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
