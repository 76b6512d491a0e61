package io.exporters.postgres.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.postgres.PostgresExporter;
import io.exporters.postgres.PostgresTestDatabase;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Per-database collectors visit every database of the server (upstream #892, #1130), honour
 * include/exclude, survive a database dropped between scrapes, handle 20+ databases and 1,000+
 * tables, and leak no connections over 1,000 scrapes.
 */
class AllDatabasesTest {
  static final List<PostgresTestDatabase> dbs = new ArrayList<>();

  @BeforeAll
  static void createDatabases() throws Exception {
    for (int i = 0; i < 3; i++) {
      PostgresTestDatabase db = new PostgresTestDatabase();
      db.execute("CREATE TABLE items_" + i + " (id int)", "INSERT INTO items_" + i
          + " VALUES (1)");
      dbs.add(db);
    }
  }

  @AfterAll
  static void dropDatabases() throws Exception {
    for (PostgresTestDatabase db : dbs) {
      db.close();
    }
  }

  private static InProcessExporter exporter(String... args) throws Exception {
    return InProcessExporter.start(new PostgresExporter(), List.of(args),
        Map.of("DATA_SOURCE_NAME", dbs.get(0).dsn()));
  }

  private static boolean hasTable(Exposition m, PostgresTestDatabase db, int i) {
    return m.find("pg_stat_user_tables_n_tup_ins", "datname", db.name, "relname", "items_" + i)
        .isPresent();
  }

  @Test
  void visitsEveryDatabaseAndHonoursIncludeAndExclude() throws Exception {
    try (InProcessExporter all = exporter()) {
      Exposition m = all.scrape();
      for (int i = 0; i < 3; i++) {
        assertThat(hasTable(m, dbs.get(i), i)).as(dbs.get(i).name).isTrue();
      }
      assertThat(m.find("pg_statio_user_tables_heap_blocks_hit", "datname", dbs.get(2).name,
          "relname", "items_2")).isPresent();
    }
    try (InProcessExporter excluded = exporter("--exclude-databases=" + dbs.get(1).name)) {
      Exposition m = excluded.scrape();
      assertThat(hasTable(m, dbs.get(1), 1)).isFalse();
      // The database collector honours the exclude list too, as upstream's does.
      assertThat(m.find("pg_database_size_bytes", "datname", dbs.get(1).name)).isEmpty();
      assertThat(m.find("pg_database_size_bytes", "datname", dbs.get(2).name)).isPresent();
      assertThat(hasTable(m, dbs.get(2), 2)).isTrue();
    }
    try (InProcessExporter included = exporter("--include-databases=" + dbs.get(2).name)) {
      Exposition m = included.scrape();
      assertThat(hasTable(m, dbs.get(2), 2)).isTrue();
      assertThat(hasTable(m, dbs.get(0), 0)).isFalse();
    }
    try (InProcessExporter own = exporter("--no-auto-discover-databases")) {
      Exposition m = own.scrape();
      assertThat(hasTable(m, dbs.get(0), 0)).isTrue();
      assertThat(hasTable(m, dbs.get(1), 1)).isFalse();
    }
  }

  @Test
  void aDatabaseDroppedBetweenScrapesIsSkipped() throws Exception {
    PostgresTestDatabase doomed = new PostgresTestDatabase();
    doomed.execute("CREATE TABLE items_9 (id int)");
    try (InProcessExporter e = exporter()) {
      assertThat(hasTable(e.scrape(), doomed, 9)).isTrue();
      doomed.close();
      Exposition m = e.scrape();
      assertThat(m.value("pg_scrape_collector_success", "collector", "stat_user_tables"))
          .isEqualTo(1);
      assertThat(hasTable(m, doomed, 9)).isFalse();
      assertThat(hasTable(m, dbs.get(1), 1)).isTrue();
    }
  }

  @Test
  void manyDatabasesManyTablesAndNoLeakedConnections() throws Exception {
    List<PostgresTestDatabase> more = new ArrayList<>();
    try {
      for (int i = 0; i < 18; i++) {
        more.add(new PostgresTestDatabase());
      }
      StringBuilder ddl = new StringBuilder("DO $$ BEGIN FOR i IN 1..1000 LOOP EXECUTE "
          + "format('CREATE TABLE wide_%s (id int)', i); END LOOP; END $$");
      more.get(0).execute(ddl.toString());
      try (InProcessExporter e = exporter()) {
        Exposition m = e.scrape();
        assertThat(m.value("pg_scrape_collector_success", "collector", "stat_user_tables"))
            .isEqualTo(1);
        long wide = m.samples("pg_stat_user_tables_n_tup_ins").stream()
            .filter(s -> more.get(0).name.equals(s.labels().get("datname"))).count();
        assertThat(wide).isEqualTo(1000);
        long databases = m.samples("pg_database_size_bytes").size();
        assertThat(databases).isGreaterThanOrEqualTo(21);
      }
    } finally {
      for (PostgresTestDatabase db : more) {
        db.close();
      }
    }

    try (InProcessExporter e = exporter("--no-auto-discover-databases")) {
      for (int i = 0; i < 1000; i++) {
        assertThat(e.get("/metrics").status()).isEqualTo(200);
      }
      try (Connection admin = dbs.get(0).admin();
          Statement s = admin.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity "
              + "WHERE application_name = 'exporter-postgres' AND datname = '"
              + dbs.get(0).name + "'")) {
        rs.next();
        // Bounded by the pool (3 per target), not by the number of scrapes.
        assertThat(rs.getInt(1)).isBetween(1, 3);
      }
    }
  }
}
