package io.exporters.scraper.model;

import io.exporters.common.collector.ScrapeContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What one probe did, in blackbox's logfmt lines ({@code ts=... level=info msg="..." k=v}), for
 * {@code debug=true} and the probe history. Capped, so a probe cannot grow it without bound.
 * Lines name targets without user info and never hold header values; every place that shows them
 * (debug output, the history pages) masks secrets once more, so adding a line stays cheap.
 */
public final class ProbeLog {
  private final List<String> lines = new ArrayList<>();
  private final String prefix;

  /** {@code module} and {@code target} start every line, as blackbox's do. */
  public ProbeLog(String module, String target) {
    this.prefix = " module=" + value(module) + " target=" + value(target);
  }

  public void info(String message, Object... keyValues) {
    add("info", message, keyValues);
  }

  public void error(String message, Object... keyValues) {
    add("error", message, keyValues);
  }

  private synchronized void add(String level, String message, Object... keyValues) {
    if (lines.size() >= ScrapeContext.DEBUG_LINES) {
      return;
    }
    StringBuilder line = new StringBuilder(96).append("ts=").append(Instant.now())
        .append(prefix).append(" level=").append(level).append(" msg=").append(value(message));
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      line.append(' ').append(keyValues[i]).append('=').append(value(keyValues[i + 1]));
    }
    lines.add(line.toString());
  }

  /** A line shown as it is (the module's YAML, secrets already hidden). */
  public synchronized void raw(String text) {
    if (lines.size() < ScrapeContext.DEBUG_LINES) {
      lines.add(text);
    }
  }

  public synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  private static String value(Object o) {
    String s = String.valueOf(o);
    boolean plain = !s.isEmpty();
    for (int i = 0; i < s.length() && plain; i++) {
      char c = s.charAt(i);
      plain = c > ' ' && c != '"' && c != '=' && c != '\\' && c < 0x7f;
    }
    if (plain) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c < ' ') {
        out.append(' ');
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
