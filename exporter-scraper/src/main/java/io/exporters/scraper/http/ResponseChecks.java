package io.exporters.scraper.http;

import io.exporters.scraper.model.FailureReason;
import io.exporters.scraper.model.ProbeFailure;
import io.exporters.scraper.model.ProbeLog;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import okhttp3.Headers;

/**
 * blackbox's checks on a final response, in its order: status code, then (only if that passed)
 * header and body regexes, then the HTTP version and whether TLS was used. The first that fails
 * gives the failure.
 */
final class ResponseChecks {
  private ResponseChecks() {}

  static void status(HttpModule m, int code, ProbeLog log) throws ProbeFailure {
    boolean ok = m.validStatusCodes().isEmpty() ? code >= 200 && code < 300
        : m.validStatusCodes().contains(code);
    if (!ok) {
      String wanted = m.validStatusCodes().isEmpty() ? "2xx" : m.validStatusCodes().toString();
      log.error("Invalid HTTP response status code, wanted " + wanted, "status_code", code);
      throw new ProbeFailure(FailureReason.STATUS, "status code " + code + ", wanted " + wanted);
    }
  }

  static void headers(HttpModule m, Headers headers, ProbeLog log) throws ProbeFailure {
    for (HeaderRule rule : m.failIfHeaderMatches()) {
      List<String> values = headers.values(rule.header());
      if (values.isEmpty() && !rule.allowMissing()) {
        throw headerFailure(log, "Missing required header", rule);
      }
      for (String v : values) {
        if (rule.regexp().matcher(v).find()) {
          throw headerFailure(log, "Header matched regular expression", rule);
        }
      }
    }
    for (HeaderRule rule : m.failIfHeaderNotMatches()) {
      List<String> values = headers.values(rule.header());
      if (values.isEmpty()) {
        if (rule.allowMissing()) {
          continue;
        }
        throw headerFailure(log, "Missing required header", rule);
      }
      if (values.stream().noneMatch(v -> rule.regexp().matcher(v).find())) {
        throw headerFailure(log, "Header did not match regular expression", rule);
      }
    }
  }

  private static ProbeFailure headerFailure(ProbeLog log, String what, HeaderRule rule) {
    log.error(what, "header", rule.header(), "regexp", rule.regexp().pattern());
    return new ProbeFailure(FailureReason.HEADER, what + ": " + rule.header());
  }

  /** Body regexes; returns normally when they pass. */
  static void body(HttpModule m, byte[] body, ProbeLog log) throws ProbeFailure {
    if (!m.checksBody()) {
      return;
    }
    String text = new String(body == null ? new byte[0] : body, StandardCharsets.UTF_8);
    for (Pattern p : m.failIfBodyMatches()) {
      if (p.matcher(text).find()) {
        log.error("Body matched regular expression", "regexp", p.pattern());
        throw new ProbeFailure(FailureReason.REGEX, "body matched " + p.pattern());
      }
    }
    for (Pattern p : m.failIfBodyNotMatches()) {
      if (!p.matcher(text).find()) {
        log.error("Body did not match regular expression", "regexp", p.pattern());
        throw new ProbeFailure(FailureReason.REGEX, "body did not match " + p.pattern());
      }
    }
  }

  static void version(HttpModule m, String version, ProbeLog log) throws ProbeFailure {
    if (!m.validHttpVersions().isEmpty() && !m.validHttpVersions().contains(version)) {
      log.error("Invalid HTTP version number", "version", version);
      throw new ProbeFailure(FailureReason.HTTP_VERSION, "HTTP version " + version
          + " is not one of " + m.validHttpVersions());
    }
  }

  static void ssl(HttpModule m, boolean tls, ProbeLog log) throws ProbeFailure {
    if (tls && m.failIfSsl()) {
      log.error("Final request was over SSL");
      throw new ProbeFailure(FailureReason.SSL, "the final request was over TLS (fail_if_ssl)");
    }
    if (!tls && m.failIfNotSsl()) {
      log.error("Final request was not over SSL");
      throw new ProbeFailure(FailureReason.SSL,
          "the final request was not over TLS (fail_if_not_ssl)");
    }
  }
}
