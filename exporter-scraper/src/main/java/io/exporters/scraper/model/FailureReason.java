package io.exporters.scraper.model;

/**
 * Why a probe failed, as the {@code reason} label of {@code probe_failure_info}: one word per
 * cause a user acts on differently (blackbox only logs it, see blackbox#1077).
 */
public enum FailureReason {
  /** The name did not resolve, or not to an address of an allowed family. */
  DNS("dns"),
  /** The address is link-local or a cloud metadata service and the module does not allow it. */
  BLOCKED("blocked"),
  CONNECT("connect"),
  TLS("tls"),
  /** The deadline (module timeout or scrape timeout) passed. */
  TIMEOUT("timeout"),
  /** The status code is not one the module accepts. */
  STATUS("status"),
  /** A body regular expression (http) or an expect step (tcp) failed. */
  REGEX("regex"),
  HEADER("header"),
  /** fail_if_ssl or fail_if_not_ssl. */
  SSL("ssl"),
  HTTP_VERSION("http_version"),
  REDIRECTS("redirects"),
  /** The body passed the module's body_size_limit and was cut there. */
  BODY_TOO_LARGE("body_too_large"),
  COMPRESSION("compression"),
  /** Bodies held by other probes used the memory set aside for them. */
  MEMORY("memory"),
  /** The body is not JSON, or a required JSON path matched nothing. */
  JSON("json"),
  /** The health endpoint reported itself unhealthy. */
  HEALTH("health"),
  /** Reading or writing failed after the connection was made. */
  IO("io");

  private final String label;

  FailureReason(String label) {
    this.label = label;
  }

  /** The value of the {@code reason} label. */
  public String label() {
    return label;
  }
}
