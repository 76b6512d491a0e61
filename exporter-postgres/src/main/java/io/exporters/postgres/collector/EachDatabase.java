package io.exporters.postgres.collector;

import io.exporters.common.backend.Deadline;
import io.exporters.common.backend.Target;
import io.exporters.common.backend.Version;
import io.exporters.common.collector.Collector;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricSink;
import io.exporters.postgres.settings.DatabaseSelection;
import io.exporters.postgres.target.DatabaseAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a per-database collector (stat_user_tables...) in every selected database of the server,
 * not only the one in the DSN. A database that cannot be connected to (dropped since discovery,
 * no CONNECT privilege) is skipped with a debug line; the others still report.
 */
public final class EachDatabase implements Collector<Connection> {
  private static final Logger logger = LoggerFactory.getLogger(EachDatabase.class);
  static final String DISCOVER = "SELECT datname FROM pg_database "
      + "WHERE datallowconn AND NOT datistemplate ORDER BY datname";

  private final DatabaseSelection selection;
  private final Collector<Connection> perDatabase;

  public EachDatabase(DatabaseSelection selection, Collector<Connection> perDatabase) {
    this.selection = selection;
    this.perDatabase = perDatabase;
  }

  @Override
  public void collect(ScrapeContext<Connection> ctx, MetricSink sink) throws Exception {
    DatabaseSelection select = selection;
    DatabaseAddress address = DatabaseAddress.parse(ctx.target().address());
    String own = address.database();
    List<String> databases = new ArrayList<>();
    if (select.autoDiscover()) {
      try (PreparedStatement st = Sql.prepare(ctx.connection(), ctx.deadline(), DISCOVER);
          ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          databases.add(rs.getString(1));
        }
      }
    } else {
      databases.add(own);
    }
    for (String database : databases) {
      if (!select.admits(database) || !DatabaseAddress.isValidName(database)) {
        continue;
      }
      Target target = database.equals(own) ? ctx.target()
          : ctx.target().withAddress(address.withDatabase(database).toString());
      Connection connection;
      try {
        connection = ctx.connection(target);
      } catch (SQLException e) {
        logger.atDebug().addKeyValue("database", database).addKeyValue("err", e.getMessage())
            .log("skipping a database that cannot be connected to");
        continue;
      }
      try {
        perDatabase.collect(new InDatabase(ctx, connection), sink);
      } finally {
        if (target != ctx.target()) {
          ctx.release(target);
        }
      }
    }
  }

  /** The scrape context with {@code connection()} bound to one database. */
  private record InDatabase(ScrapeContext<Connection> outer, Connection connection)
      implements ScrapeContext<Connection> {
    @Override
    public Target target() {
      return outer.target();
    }

    @Override
    public Deadline deadline() {
      return outer.deadline();
    }

    @Override
    public Connection connection(Target other) throws Exception {
      return outer.connection(other);
    }

    @Override
    public void release(Target other) {
      outer.release(other);
    }

    @Override
    public void debug(String line) {
      outer.debug(line);
    }

    @Override
    public Optional<Version> backendVersion() {
      return outer.backendVersion();
    }

    @Override
    public Map<String, String> options() {
      return outer.options();
    }
  }
}
