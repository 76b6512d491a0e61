package io.exporters.postgres.queries;

import io.exporters.common.backend.Deadline;
import io.exporters.common.collector.Collector;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricSink;
import io.exporters.postgres.collector.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Runs one user query and exports its columns as the queries file says. */
public final class CustomQueryCollector implements Collector<Connection> {
  private final CustomQuery query;
  private final String[] labels;

  public CustomQueryCollector(CustomQuery query) {
    this.query = query;
    List<String> labelNames = new ArrayList<>();
    for (CustomQuery.Column c : query.columns()) {
      if (c.usage() == CustomQuery.Usage.LABEL) {
        labelNames.add(c.name());
      }
    }
    this.labels = labelNames.toArray(new String[0]);
  }

  @Override
  public void collect(ScrapeContext<Connection> ctx, MetricSink sink) throws Exception {
    Deadline deadline = query.timeout() == null ? ctx.deadline()
        : ctx.deadline().min(ctx.deadline().sameClockIn(query.timeout()));
    try (PreparedStatement st = Sql.prepare(ctx.connection(), deadline, query.sql());
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        String[] values = Sql.labels(rs, labels);
        for (CustomQuery.Column c : query.columns()) {
          String name = query.namespace() + "_" + c.name();
          switch (c.usage()) {
            case COUNTER:
              sink.counter(name, c.description(), labels).add(value(rs, c), values);
              break;
            case GAUGE:
              sink.gauge(name, c.description(), labels).add(value(rs, c), values);
              break;
            case DURATION:
              sink.gauge(name + "_milliseconds", c.description(), labels)
                  .add(value(rs, c), values);
              break;
            default:
              break;
          }
        }
      }
    }
  }

  private static double value(ResultSet rs, CustomQuery.Column c) throws java.sql.SQLException {
    return Sql.anyNumber(rs, rs.findColumn(c.name()));
  }
}
