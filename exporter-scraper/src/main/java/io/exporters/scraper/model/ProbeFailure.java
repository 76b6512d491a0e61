package io.exporters.scraper.model;

/**
 * A probe step that failed, with the reason to report. The message is safe to show: it names
 * what went wrong, never a credential.
 */
public final class ProbeFailure extends Exception {
  private static final long serialVersionUID = 1L;

  private final FailureReason reason;

  public ProbeFailure(FailureReason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public ProbeFailure(FailureReason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public FailureReason reason() {
    return reason;
  }
}
