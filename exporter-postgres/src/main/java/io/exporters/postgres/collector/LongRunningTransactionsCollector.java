package io.exporters.postgres.collector;

import io.exporters.common.collector.Collector;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** Open transactions (not autovacuum) and the age of the oldest. */
public final class LongRunningTransactionsCollector implements Collector<Connection> {
  static final String SQL = "SELECT count(*) AS transactions, "
      + "COALESCE(MAX(extract(epoch FROM clock_timestamp() - xact_start)), 0) AS oldest "
      + "FROM pg_stat_activity WHERE state IS DISTINCT FROM 'idle' "
      + "AND query NOT LIKE 'autovacuum:%' AND xact_start IS NOT NULL "
      + "AND pid <> pg_backend_pid()";

  @Override
  public void collect(ScrapeContext<Connection> ctx, MetricSink sink) throws Exception {
    try (PreparedStatement st = Sql.prepare(ctx.connection(), ctx.deadline(), SQL);
        ResultSet rs = st.executeQuery()) {
      if (rs.next()) {
        sink.gauge("pg_long_running_transactions", "Current number of long running transactions")
            .add(rs.getDouble("transactions"));
        sink.gauge("pg_long_running_transactions_oldest_timestamp_seconds",
            "The current maximum transaction age in seconds").add(rs.getDouble("oldest"));
      }
    }
  }
}
