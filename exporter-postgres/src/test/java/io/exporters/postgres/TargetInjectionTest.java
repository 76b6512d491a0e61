package io.exporters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.common.backend.Target;
import io.exporters.common.config.AuthModule;
import io.exporters.common.secret.Secret;
import io.exporters.postgres.target.DatabaseAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.postgresql.Driver;

/**
 * Caller-supplied text reaches pgjdbc only as the properties the connector sets: every target
 * form (URI, key=value, bare) with every URL-special character in every part either is refused
 * or gives the driver exactly the parts written, and an auth module's options always win.
 */
class TargetInjectionTest {
  private static final String SPECIALS = "?&=#%/:@;+,'\"\\ \t\n[]{}<>^|~$!*()`é\u2028";
  private static final Set<String> DRIVER_KEYS = Set.of("PGHOST", "PGPORT", "PGDBNAME", "user",
      "password", "ApplicationName", "options", "sslmode", "sslrootcert");
  private static final AuthModule VERIFY_FULL = new AuthModule("userpass",
      new AuthModule.UserPass("mon", Secret.of("module-pw"), null),
      Map.of("sslmode", "verify-full", "sslrootcert", "/etc/ca.pem"));

  private record Parts(String user, String password, String host, String port, String db) {}

  /** Every part with every special character, once written raw and once escaped. */
  private static List<Parts> cases() {
    List<Parts> out = new ArrayList<>();
    for (char c : SPECIALS.toCharArray()) {
      String s = String.valueOf(c);
      out.add(new Parts("u" + s + "x", "pwQZ", "db.example", "5432", "d"));
      out.add(new Parts("u", "pwQZ" + s + "x", "db.example", "5432", "d"));
      out.add(new Parts("u", "pwQZ", "db" + s + "example", "5432", "d"));
      out.add(new Parts("u", "pwQZ", "db.example", "54" + s + "32", "d"));
      out.add(new Parts("u", "pwQZ", "db.example", "5432", "d" + s + "sslmode=disable"));
      out.add(new Parts("u", "pwQZ", "db.example", "5432", "x" + s + "user=nosuchrole"));
    }
    return out;
  }

  private static String esc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String quote(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  private static List<String> forms(Parts p, boolean escaped) {
    String user = escaped ? esc(p.user()) : p.user();
    String pw = escaped ? esc(p.password()) : p.password();
    String db = escaped ? esc(p.db()) : p.db();
    String hostPort = p.host() + ":" + p.port();
    List<String> forms = new ArrayList<>();
    forms.add("postgresql://" + user + ":" + pw + "@" + hostPort + "/" + db + "?sslmode=require");
    forms.add(hostPort + "/" + db + "?sslmode=require");
    if (escaped) {
      forms.add("host=" + quote(p.host()) + " port=" + quote(p.port()) + " user="
          + quote(p.user()) + " password=" + quote(p.password()) + " dbname=" + quote(p.db())
          + " sslmode=require");
    } else {
      forms.add("host=" + p.host() + " port=" + p.port() + " user=" + p.user() + " password="
          + p.password() + " dbname=" + p.db() + " sslmode=require");
    }
    return forms;
  }

  /** What pgjdbc itself makes of the connector's URL and properties. */
  private static Properties driverView(Target target) {
    Properties given = PostgresConnector.properties(target);
    Properties seen = Driver.parseURL(PostgresConnector.URL, given);
    assertThat(seen).as("the URL parses").isNotNull();
    return seen;
  }

  @Test
  void everyFormWithEverySpecialCharacterIsRefusedOrPassedExactly() {
    int accepted = 0;
    for (Parts p : cases()) {
      for (boolean escaped : new boolean[] {true, false}) {
        for (String form : forms(p, escaped)) {
          PostgresDsn dsn;
          try {
            dsn = PostgresDsn.parse(form, PostgresDsn.Origin.PROBE);
          } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).as(form).doesNotContain("pwQZ");
            continue;
          }
          accepted++;
          for (Optional<AuthModule> module : List.of(Optional.<AuthModule>empty(),
              Optional.of(VERIFY_FULL))) {
            Properties seen = driverView(PostgresExporter.target(dsn, module));
            assertThat(seen.stringPropertyNames()).as(form).isSubsetOf(DRIVER_KEYS);
            assertThat(seen.getProperty("PGHOST")).as(form).isEqualTo(dsn.host());
            assertThat(seen.getProperty("PGPORT")).as(form).isEqualTo(
                Integer.toString(dsn.port()));
            assertThat(seen.getProperty("PGDBNAME")).as(form).isEqualTo(dsn.database());
            assertThat(seen.getProperty("options")).as(form).isEqualTo("-c lock_timeout=1000");
            if (module.isPresent()) {
              assertThat(seen.getProperty("sslmode")).as(form).isEqualTo("verify-full");
              assertThat(seen.getProperty("user")).as(form).isEqualTo("mon");
              assertThat(seen.getProperty("password")).as(form).isEqualTo("module-pw");
            } else if (escaped) {
              assertThat(seen.getProperty("sslmode")).as(form).isEqualTo("require");
            }
          }
          if (escaped && p.host().equals("db.example") && p.port().equals("5432")) {
            // Written correctly (hosts and ports have no escapes), each part arrives as written.
            assertThat(dsn.database()).as(form).isEqualTo(p.db());
            assertThat(dsn.host()).as(form).isEqualTo(p.host());
            if (dsn.user() != null) {
              assertThat(dsn.user()).as(form).isEqualTo(p.user());
              assertThat(dsn.password().reveal()).as(form).isEqualTo(p.password());
            }
          }
        }
      }
    }
    assertThat(accepted).as("most escaped cases are valid targets").isGreaterThan(200);
  }

  @Test
  void theReportedInjectionsReachTheDriverAsDatabaseNames() {
    for (String target : List.of("127.0.0.1:5432/x%3Fsslmode%3Ddisable",
        "postgresql://127.0.0.1:5432/postgres%3Fuser%3Dnosuchrole",
        "host=127.0.0.1 dbname='postgres?user=nosuchrole'",
        "127.0.0.1:5432/x%3Foptions%3D-c%2520statement_timeout%3D1",
        "127.0.0.1:5432/x%3FsocketFactory%3Djava.lang.String",
        "127.0.0.1:5432/x%3FApplicationName%3Dinjected")) {
      PostgresDsn dsn = PostgresDsn.parse(target, PostgresDsn.Origin.PROBE);
      assertThat(dsn.database()).as(target).contains("?");
      Properties seen = driverView(PostgresExporter.target(dsn, Optional.of(VERIFY_FULL)));
      assertThat(seen.getProperty("PGDBNAME")).isEqualTo(dsn.database());
      assertThat(seen.getProperty("sslmode")).isEqualTo("verify-full");
      assertThat(seen.getProperty("user")).isEqualTo("mon");
      assertThat(seen.getProperty("options")).isEqualTo("-c lock_timeout=1000");
      assertThat(seen.getProperty("socketFactory")).isNull();
      assertThat(seen.getProperty("ApplicationName")).isEqualTo("exporter-postgres");
    }
  }

  @Test
  void aProbeCannotNameFilesOnTheExportersHost() {
    for (String option : List.of("sslrootcert", "sslcert", "sslkey")) {
      String target = "postgresql://db/x?" + option + "=/etc/shadow";
      org.assertj.core.api.Assertions.assertThatThrownBy(
          () -> PostgresDsn.parse(target, PostgresDsn.Origin.PROBE))
          .hasMessageContaining(option).hasMessageContaining("auth module");
      assertThat(PostgresDsn.parse(target).params()).containsKey(option);
    }
  }

  @Test
  void addressesRoundTripWithAnyDatabaseName() {
    for (char c : SPECIALS.toCharArray()) {
      DatabaseAddress a = new DatabaseAddress("[::1]", 6432, "a" + c + "/b" + c);
      assertThat(DatabaseAddress.parse(a.toString())).isEqualTo(a);
      assertThat(a.server()).isEqualTo("[::1]:6432");
    }
  }
}
