package io.exporters.common.exposition;

import java.util.Locale;

/**
 * The exposition format and encoding an {@code Accept} / {@code Accept-Encoding} header asks for,
 * by RFC 9110's rules: each media range weighed by its {@code q}, {@code q=0} meaning "not
 * acceptable", the first listed winning a tie; Prometheus text when nothing we serve is asked.
 */
final class AcceptHeader {
  private static final String PROTOBUF = "application/vnd.google.protobuf";
  private static final String OPENMETRICS = "application/openmetrics-text";

  private AcceptHeader() {}

  static Exposition.Format format(String accept) {
    if (accept == null || accept.isBlank()) {
      return Exposition.Format.TEXT;
    }
    Exposition.Format best = null;
    double bestQ = 0;
    for (String range : accept.split(",")) {
      String[] parts = range.split(";");
      String type = parts[0].trim().toLowerCase(Locale.ROOT);
      double q = 1;
      String proto = null;
      String encoding = null;
      for (int i = 1; i < parts.length; i++) {
        int eq = parts[i].indexOf('=');
        if (eq < 0) {
          continue;
        }
        String name = parts[i].substring(0, eq).trim().toLowerCase(Locale.ROOT);
        String value = parts[i].substring(eq + 1).trim().replace("\"", "");
        switch (name) {
          case "q" -> q = weight(value);
          case "proto" -> proto = value;
          case "encoding" -> encoding = value;
          default -> { }
        }
      }
      Exposition.Format format = switch (type) {
        case PROTOBUF -> "io.prometheus.client.MetricFamily".equals(proto)
            && "delimited".equals(encoding) ? Exposition.Format.PROTOBUF : null;
        case OPENMETRICS -> Exposition.Format.OPENMETRICS;
        case "text/plain", "text/*", "*/*" -> Exposition.Format.TEXT;
        default -> null;
      };
      if (format != null && q > bestQ) {
        best = format;
        bestQ = q;
      }
    }
    return best == null ? Exposition.Format.TEXT : best;
  }

  /** Whether gzip is acceptable: listed (or {@code *}) with a q above 0. */
  static boolean gzip(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    double gzip = -1;
    double any = -1;
    for (String coding : acceptEncoding.split(",")) {
      String[] parts = coding.split(";");
      String name = parts[0].trim().toLowerCase(Locale.ROOT);
      double q = 1;
      for (int i = 1; i < parts.length; i++) {
        String p = parts[i].trim().toLowerCase(Locale.ROOT);
        if (p.startsWith("q=")) {
          q = weight(p.substring(2));
        }
      }
      if (name.equals("gzip") || name.equals("x-gzip")) {
        gzip = Math.max(gzip, q);
      } else if (name.equals("*")) {
        any = q;
      }
    }
    return gzip >= 0 ? gzip > 0 : any > 0;
  }

  /** A q-value: 0 to 1; a malformed one counts as 0 (not acceptable), not as 1. */
  private static double weight(String value) {
    try {
      double q = Double.parseDouble(value);
      return q >= 0 && q <= 1 ? q : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
