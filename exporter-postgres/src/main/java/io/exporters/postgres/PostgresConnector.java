package io.exporters.postgres;

import io.exporters.common.backend.Deadline;
import io.exporters.common.backend.Target;
import io.exporters.common.backend.TargetConnector;
import io.exporters.common.backend.Version;
import io.exporters.postgres.target.DatabaseAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGProperty;

/**
 * JDBC connections named for pg_stat_activity. Connecting, logging in and every later read are
 * bounded: the TCP connect and the socket reads by the scrape deadline, and an attempt still
 * running at the deadline has its sockets closed, so a server that accepts and never answers
 * leaves no thread or socket behind.
 */
final class PostgresConnector implements TargetConnector<Connection> {
  static final String APPLICATION_NAME = "exporter-postgres";
  static final int LOCK_TIMEOUT_MS = 1000;
  // Queries are bounded by statement timeouts and cancelled at their deadline; this only stops a
  // read from blocking forever if everything else failed.
  private static final int SAFETY_NETWORK_TIMEOUT_MS = 10 * 60 * 1000;
  private static final Executor DIRECT = Runnable::run;
  private static final ScheduledThreadPoolExecutor DEADLINES = deadlines();

  /**
   * pgjdbc's URL without a host, port or database: those go in as properties, because the
   * driver lets a URL's own parameters override every property, and a database name may hold
   * {@code ?} and {@code &}.
   */
  static final String URL = "jdbc:postgresql://";

  @Override
  public Connection connect(Target target, Deadline deadline) throws SQLException {
    Properties props = properties(target);
    long seconds = Math.max(1, (deadline.remainingMillis() + 999) / 1000);
    String asked = target.options().get("connect_timeout");
    long connectSeconds = asked == null || Long.parseLong(asked) == 0 ? seconds
        : Math.min(seconds, Long.parseLong(asked));
    props.setProperty("connectTimeout", Long.toString(connectSeconds));
    props.setProperty("socketTimeout", Long.toString(seconds));
    // No loginTimeout: with it pgjdbc logs in on a thread of its own that outlives the attempt.
    props.setProperty("socketFactory", TrackedSockets.Factory.class.getName());
    try (TrackedSockets.Attempt attempt = TrackedSockets.begin()) {
      props.setProperty("socketFactoryArg", attempt.id);
      ScheduledFuture<?> abandon = DEADLINES.schedule(attempt::abandon,
          Math.max(1, deadline.remainingMillis()), TimeUnit.MILLISECONDS);
      try {
        Connection c = DriverManager.getConnection(URL, props);
        c.setNetworkTimeout(DIRECT, SAFETY_NETWORK_TIMEOUT_MS);
        return c;
      } catch (SQLException e) {
        if (attempt.wasAbandoned()) {
          throw new SQLException("no answer from " + target + " by the scrape deadline", e);
        }
        throw e;
      } finally {
        abandon.cancel(false);
      }
    }
  }

  /** Everything the driver gets but the deadline's timeouts and the socket factory. */
  static Properties properties(Target target) {
    DatabaseAddress address = DatabaseAddress.parse(target.address());
    Properties props = ConnectionOptions.toDriver(target.options());
    PGProperty.PG_HOST.set(props, address.host());
    PGProperty.PG_PORT.set(props, address.port());
    PGProperty.PG_DBNAME.set(props, address.database());
    if (target.username() != null) {
      PGProperty.USER.set(props, target.username());
    }
    if (target.password() != null) {
      PGProperty.PASSWORD.set(props, target.password().reveal());
    }
    props.putIfAbsent(PGProperty.APPLICATION_NAME.getName(), APPLICATION_NAME);
    // An exporter must not queue behind application locks; a blocked query fails fast instead.
    PGProperty.OPTIONS.set(props, "-c lock_timeout=" + LOCK_TIMEOUT_MS);
    return props;
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

  private static ScheduledThreadPoolExecutor deadlines() {
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "postgres-connect-deadline");
      t.setDaemon(true);
      return t;
    });
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }
}
