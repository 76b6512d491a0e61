package io.exporters.postgres.queries;

import io.exporters.common.collector.Collector;
import io.exporters.common.metrics.MetricSink;
import io.exporters.common.scrape.Deadline;
import io.exporters.common.scrape.ScrapeContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.jdbc.PgStatement;

/** Runs one user query and exports its columns as the queries file says. */
public final class CustomQueryCollector implements Collector<Connection> {
  private final CustomQuery query;

  public CustomQueryCollector(CustomQuery query) {
    this.query = query;
  }

  @Override
  public void collect(ScrapeContext<Connection> ctx, MetricSink sink) throws Exception {
    Deadline deadline = query.timeout() == null ? ctx.deadline()
        : ctx.deadline().min(Deadline.in(query.timeout()));
    List<String> labelNames = new ArrayList<>();
    for (CustomQuery.Column c : query.columns()) {
      if (c.usage() == CustomQuery.Usage.LABEL) {
        labelNames.add(c.name());
      }
    }
    String[] labels = labelNames.toArray(new String[0]);
    try (PreparedStatement st = ctx.connection().prepareStatement(query.sql())) {
      st.unwrap(PgStatement.class).setQueryTimeoutMs(Math.max(1, deadline.remainingMillis()));
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          String[] values = new String[labels.length];
          for (int i = 0; i < labels.length; i++) {
            String v = rs.getString(labels[i]);
            values[i] = v == null ? "" : v;
          }
          for (CustomQuery.Column c : query.columns()) {
            switch (c.usage()) {
              case COUNTER:
                sink.counter(query.namespace() + "_" + c.name(), c.description(), labels)
                    .add(number(rs, c.name()), values);
                break;
              case GAUGE:
                sink.gauge(query.namespace() + "_" + c.name(), c.description(), labels)
                    .add(number(rs, c.name()), values);
                break;
              case DURATION:
                sink.gauge(query.namespace() + "_" + c.name() + "_milliseconds",
                    c.description(), labels).add(number(rs, c.name()), values);
                break;
              default:
                break;
            }
          }
        }
      }
    }
  }

  /** Numbers, booleans, timestamps (unix seconds) and numeric text; anything else is NaN. */
  static double number(ResultSet rs, String column) throws SQLException {
    Object value = rs.getObject(column);
    if (value == null) {
      return Double.NaN;
    }
    if (value instanceof Number) {
      return ((Number) value).doubleValue();
    }
    if (value instanceof Boolean) {
      return ((Boolean) value) ? 1 : 0;
    }
    if (value instanceof java.sql.Timestamp) {
      return ((java.sql.Timestamp) value).getTime() / 1000.0;
    }
    try {
      return Double.parseDouble(value.toString().trim());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
