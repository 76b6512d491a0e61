package io.exporters.scraper.http;

import io.exporters.scraper.model.Families;
import io.exporters.scraper.model.ProbeFailure;
import io.exporters.scraper.model.ProbeMetrics;
import io.exporters.scraper.tls.CertificateMetrics;
import io.exporters.scraper.tls.TlsClient;
import io.exporters.scraper.tls.TlsState;

/**
 * What an http probe found, filled in as it goes so that a probe cut short still reports what it
 * saw, then written as blackbox's series. Values start as blackbox's do when there was no
 * response: status, lengths, SSL and version 0. {@code body} is the body when it was kept.
 */
public final class HttpOutcome {
  int statusCode;
  double contentLength;
  long bodyLength;
  int redirects;
  boolean ssl;
  double version;
  Double lastModified;
  TlsState tls;
  byte[] body;
  String contentType;
  ProbeFailure failure;

  public ProbeFailure failure() {
    return failure;
  }

  public int statusCode() {
    return statusCode;
  }

  /** The body when the probe kept it (checks or analysers needed it), else null. */
  public byte[] body() {
    return body;
  }

  public String contentType() {
    return contentType;
  }

  void write(ProbeMetrics metrics, PhaseTimer timer, TlsClient client) {
    metrics.set(Families.HTTP_DURATION, timer.resolve(), "resolve");
    metrics.set(Families.HTTP_DURATION, timer.connect(), "connect");
    metrics.set(Families.HTTP_DURATION, timer.tls(), "tls");
    metrics.set(Families.HTTP_DURATION, timer.processing(), "processing");
    metrics.set(Families.HTTP_DURATION, timer.transfer(), "transfer");
    metrics.set(Families.HTTP_STATUS, statusCode);
    metrics.set(Families.HTTP_CONTENT_LENGTH, contentLength);
    metrics.set(Families.HTTP_BODY_LENGTH, bodyLength);
    metrics.set(Families.HTTP_REDIRECTS, redirects);
    metrics.set(Families.HTTP_SSL, ssl ? 1 : 0);
    metrics.set(Families.HTTP_VERSION, version);
    metrics.set(Families.FAILED_DUE_TO_REGEX,
        failure != null && failure.reason() == io.exporters.scraper.model.FailureReason.REGEX
            ? 1 : 0);
    if (lastModified != null) {
      metrics.set(Families.HTTP_LAST_MODIFIED, lastModified);
    }
    if (tls != null) {
      CertificateMetrics.write(metrics, tls, client);
    }
  }
}
