package io.exporters.postgres.collector;

import io.exporters.common.collector.Collector;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricNames;
import io.exporters.common.metrics.MetricSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * pg_settings: every numeric and boolean parameter as {@code pg_settings_<name>[_seconds|_bytes]},
 * converted to base units. A value that does not parse (managed services add odd parameters)
 * is skipped, never failing the collector.
 */
public final class SettingsCollector implements Collector<Connection> {
  static final String SQL = "SELECT name, setting, COALESCE(unit, '') AS unit, vartype "
      + "FROM pg_settings WHERE vartype IN ('bool', 'integer', 'real') "
      + "AND name NOT IN ('sync_commit_cancel_wait', 'google_dataplex.max_messages')";

  @Override
  public void collect(ScrapeContext<Connection> ctx, MetricSink sink) throws Exception {
    try (PreparedStatement st = Sql.prepare(ctx.connection(), ctx.deadline(), SQL);
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        String name = rs.getString("name");
        String setting = rs.getString("setting");
        String unit = rs.getString("unit");
        Setting parsed = Setting.parse(setting, unit, "bool".equals(rs.getString("vartype")));
        if (parsed == null) {
          continue;
        }
        String metric = "pg_settings_" + MetricNames.sanitize(name.replace('.', '_'))
            + (parsed.unit().isEmpty() ? "" : "_" + parsed.unit());
        String help = "Server Parameter: " + name
            + (parsed.unit().isEmpty() ? "" : " [Units converted to " + parsed.unit() + ".]");
        sink.gauge(metric, help).add(parsed.value());
      }
    }
  }

  /** A setting in base units; null when the value or unit is not understood. */
  record Setting(double value, String unit) {
    static Setting parse(String setting, String unit, boolean bool) {
      if (setting == null) {
        return null;
      }
      if (bool) {
        return new Setting("on".equals(setting) ? 1 : 0, "");
      }
      double value;
      try {
        value = Double.parseDouble(setting);
      } catch (NumberFormatException e) {
        return null;
      }
      String base;
      double factor;
      switch (unit == null ? "" : unit) {
        case "": return new Setting(value, "");
        case "ms": base = "seconds"; factor = 1e-3; break;
        case "s": base = "seconds"; factor = 1; break;
        case "min": base = "seconds"; factor = 60; break;
        case "h": base = "seconds"; factor = 3600; break;
        case "d": base = "seconds"; factor = 86400; break;
        case "B": base = "bytes"; factor = 1; break;
        case "kB": case "1kB": base = "bytes"; factor = 1L << 10; break;
        case "2kB": base = "bytes"; factor = 1L << 11; break;
        case "4kB": base = "bytes"; factor = 1L << 12; break;
        case "8kB": base = "bytes"; factor = 1L << 13; break;
        case "16kB": base = "bytes"; factor = 1L << 14; break;
        case "32kB": base = "bytes"; factor = 1L << 15; break;
        case "64kB": base = "bytes"; factor = 1L << 16; break;
        case "MB": base = "bytes"; factor = 1L << 20; break;
        case "16MB": base = "bytes"; factor = 1L << 24; break;
        case "32MB": base = "bytes"; factor = 1L << 25; break;
        case "64MB": base = "bytes"; factor = 1L << 26; break;
        case "GB": base = "bytes"; factor = 1L << 30; break;
        case "TB": base = "bytes"; factor = 1L << 40; break;
        default: return null;
      }
      // -1 means "disabled" and keeps its value, as in postgres_exporter.
      return new Setting(value == -1 ? -1 : value * factor, base);
    }
  }
}
