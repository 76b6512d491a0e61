package io.exporters.postgres;

import io.exporters.common.collector.Version;
import io.exporters.common.scrape.Deadline;
import io.exporters.common.target.Target;
import io.exporters.common.target.TargetConnector;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executor;

/** JDBC connections with timeouts bounded by the scrape deadline, named for pg_stat_activity. */
final class PostgresConnector implements TargetConnector<Connection> {
  static final String APPLICATION_NAME = "exporter-postgres";
  static final int LOCK_TIMEOUT_MS = 1000;
  private static final Executor DIRECT = Runnable::run;

  @Override
  public Connection connect(Target target, Deadline deadline) throws SQLException {
    Properties props = new Properties();
    for (Map.Entry<String, String> e : target.options().entrySet()) {
      props.setProperty(e.getKey(), e.getValue());
    }
    if (target.username() != null) {
      props.setProperty("user", target.username());
    }
    if (target.password() != null) {
      props.setProperty("password", target.password().reveal());
    }
    props.setProperty("ApplicationName", APPLICATION_NAME);
    // An exporter must not queue behind application locks; a blocked query fails fast instead.
    props.putIfAbsent("options", "-c lock_timeout=" + LOCK_TIMEOUT_MS);
    long seconds = Math.max(1, (deadline.remainingMillis() + 999) / 1000);
    props.setProperty("connectTimeout", Long.toString(seconds));
    props.setProperty("loginTimeout", Long.toString(seconds));
    return DriverManager.getConnection("jdbc:postgresql://" + target.address(), props);
  }

  @Override
  public boolean isHealthy(Connection c, Deadline deadline) {
    try {
      return c.isValid((int) Math.max(1, deadline.remainingMillis() / 1000));
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public void close(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // Closing a dead connection may fail; it is gone either way.
    }
  }

  @Override
  public void abort(Connection c) {
    try {
      c.abort(DIRECT);
    } catch (SQLException e) {
      close(c);
    }
  }

  @Override
  public Optional<Version> version(Connection c) throws SQLException {
    return Optional.of(Version.parse(c.getMetaData().getDatabaseProductVersion()));
  }
}
