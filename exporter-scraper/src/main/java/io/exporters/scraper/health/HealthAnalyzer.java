package io.exporters.scraper.health;

import com.fasterxml.jackson.databind.JsonNode;
import io.exporters.scraper.model.FailureReason;
import io.exporters.scraper.model.ProbeFailure;
import io.exporters.scraper.model.ProbeLog;
import io.exporters.scraper.model.ProbeMetrics;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads a health endpoint's answer: finds its format (the content type, then the shape, in the
 * order IETF, Spring, MicroProfile, IETF by shape, ad-hoc; Kubernetes for text), writes its
 * series, and says whether the probe fails because the service reports itself unhealthy.
 */
public final class HealthAnalyzer {
  private HealthAnalyzer() {}

  /**
   * {@code json} is the body parsed (null when it is not JSON). Returns the failure, or null.
   */
  public static ProbeFailure analyze(HealthCheck check, byte[] body, JsonNode json,
      String contentType, int statusCode, ProbeMetrics metrics, ProbeLog log) {
    HealthReport report;
    try {
      report = read(check.format(), body, json, contentType, statusCode);
    } catch (ProbeFailure f) {
      metrics.set(HealthFamilies.FORMAT, 1, "unknown");
      log.error("Health answer not read", "err", f.getMessage());
      return f;
    }
    if (report == null) {
      metrics.set(HealthFamilies.FORMAT, 1, "unknown");
      log.info("No health format recognised in the body");
      return null;
    }
    Health overall = HealthWriter.write(report, check.maxComponents(), metrics);
    log.info("Health answer read", "format", report.format().label(), "status",
        report.overall(), "components", report.components().size());
    if (check.failIfUnhealthy() && overall == Health.UNHEALTHY) {
      log.error("The service reports itself unhealthy", "status", report.overall());
      return new ProbeFailure(FailureReason.HEALTH, "the service reports " + report.overall());
    }
    return null;
  }

  static HealthReport read(HealthFormat format, byte[] body, JsonNode json, String contentType,
      int statusCode) throws ProbeFailure {
    boolean healthJson = contentType != null
        && contentType.toLowerCase(Locale.ROOT).startsWith("application/health+json");
    switch (format) {
      case IETF:
        return IetfHealth.parse(object(json, format));
      case SPRING:
        return SpringHealth.parse(object(json, format));
      case MICROPROFILE:
        return MicroProfileHealth.parse(object(json, format));
      case ADHOC:
        return AdHocHealth.parse(object(json, format));
      case KUBERNETES:
        return KubernetesHealth.parse(text(body), statusCode);
      default:
        break;
    }
    if (json != null && json.isObject()) {
      if (healthJson) {
        return IetfHealth.parse(json);
      }
      if (SpringHealth.matches(json)) {
        return SpringHealth.parse(json);
      }
      if (MicroProfileHealth.matches(json)) {
        return MicroProfileHealth.parse(json);
      }
      if (IetfHealth.matches(json)) {
        return IetfHealth.parse(json);
      }
      return AdHocHealth.matches(json) ? AdHocHealth.parse(json) : null;
    }
    String text = text(body);
    return json == null && KubernetesHealth.matches(text)
        ? KubernetesHealth.parse(text, statusCode) : null;
  }

  private static JsonNode object(JsonNode json, HealthFormat format) throws ProbeFailure {
    if (json == null || !json.isObject()) {
      throw new ProbeFailure(FailureReason.HEALTH, "the body is not a JSON object, so not a "
          + format.label() + " health answer");
    }
    return json;
  }

  private static String text(byte[] body) {
    return body == null ? "" : new String(body, StandardCharsets.UTF_8);
  }
}
