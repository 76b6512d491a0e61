package io.exporters.postgres;

import io.exporters.testkit.Backends;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A database of its own for one test class on the shared server, dropped at the end. Connects as
 * {@link Backends#postgresUser()} over TCP.
 */
public final class PostgresTestDatabase implements AutoCloseable {
  public final Backends.Endpoint server = Backends.postgres();
  public final String name = "exp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  public PostgresTestDatabase() throws SQLException {
    try (Connection c = admin(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
  }

  public Connection admin() throws SQLException {
    return connect("postgres");
  }

  public Connection connect() throws SQLException {
    return connect(name);
  }

  private Connection connect(String database) throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://" + server.address() + "/" + database
        + "?sslmode=disable", Backends.postgresUser(), "");
  }

  /** A DSN for the exporter, pointing at this database. */
  public String dsn() {
    return "postgresql://" + Backends.postgresUser() + "@" + server.address() + "/" + name
        + "?sslmode=disable";
  }

  public void execute(String... statements) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  @Override
  public void close() throws SQLException {
    try (Connection c = admin(); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }
}
