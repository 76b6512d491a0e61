package io.exporters.scraper.collector;

import io.exporters.common.exposition.TextFormat;
import io.exporters.common.secret.SecretMasker;
import io.exporters.common.server.Endpoint;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The probe history's pages: {@code /history}, a table of recent probes (newest first, failures
 * kept longer, as blackbox's "Recent Probes"), and {@code /logs?id=N} or
 * {@code /logs?target=T[&module=M]}, one probe's log and series in debug=true's layout.
 */
public final class HistoryPages {
  private HistoryPages() {}

  public static Endpoint table(ProbeHistory history) {
    return (params, deadline) -> {
      StringBuilder html = new StringBuilder(8192).append("<!DOCTYPE html>\n<html><head>"
          + "<meta charset=\"utf-8\"><title>Recent probes</title><style>body{font-family:"
          + "sans-serif;margin:2em}td,th{padding:.2em .8em;text-align:left}.failure{color:#b00}"
          + "</style></head>\n<body>\n<h1>Recent probes</h1>\n<p><a href=\".\">Home</a></p>\n"
          + "<table>\n<tr><th>Time</th><th>Module</th><th>Target</th><th>Result</th>"
          + "<th>Reason</th><th>Seconds</th><th>Debug</th></tr>\n");
      for (ProbeHistory.Entry e : history.entries()) {
        ProbeResult r = e.result();
        html.append("<tr><td>").append(DateTimeFormatter.ISO_INSTANT.format(r.at()))
            .append("</td><td>").append(escape(r.module())).append("</td><td>")
            .append(escape(SecretMasker.mask(r.target()))).append("</td><td")
            .append(r.success() ? ">Success" : " class=\"failure\">Failure")
            .append("</td><td title=\"").append(r.error() == null ? ""
                : escape(SecretMasker.mask(r.error()))).append("\">")
            .append(r.reason() == null ? "" : r.reason().label())
            .append("</td><td>").append(String.format("%.3f", r.seconds()))
            .append("</td><td><a href=\"logs?id=").append(e.id()).append("\">Logs</a></td></tr>\n");
      }
      return new Endpoint.Answer(200, "text/html; charset=utf-8",
          html.append("</table>\n</body></html>\n").toString());
    };
  }

  public static Endpoint logs(ProbeHistory history) {
    return (params, deadline) -> {
      String id = params.get("id");
      String target = params.get("target");
      if ((id == null) == (target == null)) {
        return Endpoint.Answer.text(400, "give either id or target (with module optionally)\n");
      }
      Optional<ProbeHistory.Entry> entry;
      if (id != null) {
        try {
          entry = history.byId(Long.parseLong(id));
        } catch (NumberFormatException e) {
          return Endpoint.Answer.text(400, "id must be a number\n");
        }
      } else {
        entry = history.latest(target, params.get("module"));
      }
      if (entry.isEmpty()) {
        return Endpoint.Answer.text(404, "probe not found (the history keeps the latest "
            + "probes and failures only)\n");
      }
      return Endpoint.Answer.text(200, render(entry.get().result()));
    };
  }

  static String render(ProbeResult r) {
    StringBuilder out = new StringBuilder("Logs for the probe:\n");
    for (String line : r.log()) {
      out.append(line).append('\n');
    }
    out.append("\n\n\nMetrics that would have been returned:\n")
        .append(TextFormat.toText(r.families()));
    return SecretMasker.mask(out.toString());
  }

  /** HTML-escapes page text (targets come from callers). */
  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
