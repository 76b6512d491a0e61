package io.exporters.cloudflare.api;

import java.time.Duration;

/**
 * A call that did not give a usable answer: its class, the HTTP status (0 without one), and a
 * message safe to log (Cloudflare's own error text; never a credential). {@code retryAfter} is
 * the server's Retry-After, when it sent one.
 */
public final class ApiException extends Exception {
  private static final long serialVersionUID = 1L;

  private final ErrorClass errorClass;
  private final int status;
  private final transient Duration retryAfter;

  public ApiException(ErrorClass errorClass, int status, String message, Duration retryAfter) {
    super(message);
    this.errorClass = errorClass;
    this.status = status;
    this.retryAfter = retryAfter;
  }

  public ErrorClass errorClass() {
    return errorClass;
  }

  public int status() {
    return status;
  }

  /** Null when the server did not say. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
