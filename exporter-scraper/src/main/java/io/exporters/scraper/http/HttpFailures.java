package io.exporters.scraper.http;

import io.exporters.common.backend.Deadline;
import io.exporters.scraper.model.FailureReason;
import io.exporters.scraper.model.ProbeFailure;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/** Turns an I/O error of an HTTP call into the failure reason a user acts on. */
final class HttpFailures {
  private HttpFailures() {}

  /**
   * {@code connected}: whether the call had a connection when it failed (a failure before that
   * is a connect failure whatever its type).
   */
  static ProbeFailure classify(IOException e, Deadline deadline, boolean connected,
      String doing) {
    String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (e instanceof InterruptedIOException || deadline.expired()) {
      return new ProbeFailure(FailureReason.TIMEOUT, "the deadline passed while " + doing, e);
    }
    if (e instanceof SSLException) {
      return new ProbeFailure(FailureReason.TLS, "TLS failed: " + detail, e);
    }
    if (e instanceof UnknownHostException) {
      return new ProbeFailure(FailureReason.DNS, "cannot resolve: " + detail, e);
    }
    if (e instanceof ConnectException || e instanceof NoRouteToHostException || !connected) {
      return new ProbeFailure(FailureReason.CONNECT, "cannot connect: " + detail, e);
    }
    return new ProbeFailure(FailureReason.IO, "error while " + doing + ": " + detail, e);
  }
}
