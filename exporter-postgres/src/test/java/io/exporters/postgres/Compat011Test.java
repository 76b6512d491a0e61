package io.exporters.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exporters.common.config.ConfigException;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.Golden;
import io.exporters.testkit.InProcessExporter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --compat=0.11}: every family Debian's postgres_exporter 0.11.1 emitted (captured from it
 * into {@code reference/postgres_exporter-0.11.1-pg15.schema}) comes out with the same type and
 * label names; the whole compat schema is pinned in {@code golden/compat-0.11.schema}.
 */
class Compat011Test {
  private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? ");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"");
  // Present only while the server happens to be vacuuming or streaming to a standby.
  private static final List<String> TRANSIENT = List.of("pg_stat_progress_vacuum_",
      "pg_stat_replication_");
  private static final Set<String> KEPT_SETTINGS =
      Set.of("pg_settings_shared_buffers_bytes", "pg_settings_max_connections");

  @Test
  void emitsEveryFamilyOfTheDebianPackageWithItsTypeAndLabels() throws Exception {
    String slot = "compat_slot_" + System.nanoTime();
    try (PostgresTestDatabase db = new PostgresTestDatabase();
        Connection admin = db.admin();
        Statement s = admin.createStatement();
        Connection holder = db.connect();
        Statement h = holder.createStatement()) {
      s.execute("SELECT pg_create_physical_replication_slot('" + slot + "', true)");
      db.execute("CREATE TABLE items (id int primary key)", "INSERT INTO items VALUES (1)",
          "SELECT * FROM items", "SELECT pg_stat_force_next_flush()");
      holder.setAutoCommit(false);
      h.execute("SELECT 1");
      try (InProcessExporter e = InProcessExporter.start(new PostgresExporter(),
          List.of("--compat=0.11", "--include-databases=" + db.name),
          Map.of("DATA_SOURCE_NAME", db.dsn()))) {
        String text = e.get("/metrics").text();
        Set<String> ours = new TreeSet<>(schema(text).lines().toList());
        Golden.assertMatches(schema(text), "golden/compat-0.11.schema");
        assertThat(ours).containsAll(reference());

        Exposition m = Exposition.parseText(text);
        String server = db.server.host() + ":" + db.server.port();
        assertThat(m.value("pg_stat_activity_count", "datname", db.name,
            "state", "idle in transaction", "server", server)).isEqualTo(1);
        assertThat(m.value("pg_stat_database_sessions", "datid", datid(admin, db.name),
            "datname", db.name, "server", server)).isGreaterThanOrEqualTo(1);
        assertThat(m.familyOrFail("pg_stat_database_sessions").type()).isEqualTo("untyped");
        assertThat(m.value("pg_replication_slots_active", "slot_name", slot, "database", "",
            "server", server)).isZero();
        // The shared row (datid 0) is there, as 0.11's SELECT * returned it.
        assertThat(m.find("pg_stat_database_xact_commit", "datid", "0", "datname", "",
            "server", server)).isPresent();
        assertThat(m.value("pg_statio_user_tables_heap_blks_hit", "datname", db.name,
            "schemaname", "public", "relname", "items", "server", server)).isGreaterThan(0);
      } finally {
        holder.rollback();
        s.execute("SELECT pg_drop_replication_slot('" + slot + "')");
      }
    }
  }

  @Test
  void withoutTheSwitchTheCurrentGenerationIsEmitted() throws Exception {
    try (PostgresTestDatabase db = new PostgresTestDatabase();
        InProcessExporter e = InProcessExporter.start(new PostgresExporter(), List.of(),
            Map.of("DATA_SOURCE_NAME", db.dsn()))) {
      Set<String> ours = new TreeSet<>(schema(e.get("/metrics").text()).lines().toList());
      assertThat(ours).contains("pg_locks_count gauge datname,mode",
          "pg_stat_activity_count gauge application_name,backend_type,datname,state,usename,"
              + "wait_event,wait_event_type");
      assertThat(ours).noneMatch(line -> line.startsWith("pg_stat_database_sessions "));
    }
  }

  @Test
  void theSwitchCanComeFromTheConfigFile(@TempDir Path dir) throws Exception {
    Path config = Files.writeString(dir.resolve("postgres_exporter.yml"), "compat: \"0.11\"\n");
    try (PostgresTestDatabase db = new PostgresTestDatabase();
        InProcessExporter e = InProcessExporter.start(new PostgresExporter(),
            List.of("--config.file=" + config, "--include-databases=" + db.name),
            Map.of("DATA_SOURCE_NAME", db.dsn()))) {
      assertThat(schema(e.get("/metrics").text()).lines())
          .contains("pg_locks_count gauge datname,mode,server",
              "pg_stat_activity_count gauge datname,server,state");
    }
  }

  @Test
  void anUnknownCompatValueStopsTheStartNamingTheKey() {
    assertThatThrownBy(() -> InProcessExporter.start(new PostgresExporter(),
        List.of("--compat=0.9"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("key 'compat'")
        .hasMessageContaining("valid: 0.11, current");
  }

  /** One line per pg_ family: name, type, label names (sorted); self-metrics left out. */
  static String schema(String exposition) {
    Map<String, String> types = new TreeMap<>();
    Map<String, Set<String>> labels = new TreeMap<>();
    for (String line : exposition.lines().toList()) {
      if (line.startsWith("# TYPE ")) {
        String[] parts = line.split(" ");
        types.put(parts[2], parts[3]);
        labels.computeIfAbsent(parts[2], k -> new TreeSet<>());
      } else if (!line.startsWith("#") && !line.isBlank()) {
        Matcher sample = SAMPLE.matcher(line);
        if (sample.lookingAt()) {
          Set<String> names = labels.computeIfAbsent(sample.group(1), k -> new TreeSet<>());
          Matcher label = LABEL.matcher(sample.group(3) == null ? "" : sample.group(3));
          while (label.find()) {
            names.add(label.group(1));
          }
        }
      }
    }
    return types.entrySet().stream()
        .filter(t -> t.getKey().startsWith("pg_") && !t.getKey().startsWith("pg_exporter_")
            && !t.getKey().startsWith("pg_scrape_"))
        .filter(t -> !t.getKey().startsWith("pg_settings_") || KEPT_SETTINGS.contains(t.getKey()))
        .filter(t -> TRANSIENT.stream().noneMatch(t.getKey()::startsWith))
        .map(t -> t.getKey() + " " + t.getValue() + " "
            + String.join(",", labels.get(t.getKey())))
        .collect(Collectors.joining("\n", "", "\n"));
  }

  private static List<String> reference() throws IOException {
    try (InputStream in = Compat011Test.class.getResourceAsStream(
        "/reference/postgres_exporter-0.11.1-pg15.schema")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(line -> !line.startsWith("#") && !line.isBlank()).toList();
    }
  }

  private static String datid(Connection c, String datname) throws Exception {
    try (Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT oid FROM pg_database WHERE datname = '" + datname + "'")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
