package io.exporters.scraper.model;

/**
 * The families probes write. blackbox_exporter's keep its names and HELP texts exactly
 * (dashboards 7587 and 13659 and the common alert rules query them); ours say what they add.
 */
public final class Families {
  private Families() {}

  public static final Family SUCCESS = Family.gauge("probe_success",
      "Displays whether or not the probe was a success");
  public static final Family DURATION = Family.gauge("probe_duration_seconds",
      "Returns how long the probe took to complete in seconds");
  public static final Family TIMEOUT = Family.gauge("probe_timeout_seconds",
      "Seconds the probe was allowed to take (the scrape deadline, capped by the module timeout)");
  public static final Family DNS_LOOKUP = Family.gauge("probe_dns_lookup_time_seconds",
      "Returns the time taken for probe dns lookup in seconds");
  public static final Family IP_PROTOCOL = Family.gauge("probe_ip_protocol",
      "Specifies whether probe ip protocol is IP4 or IP6");
  public static final Family IP_HASH = Family.gauge("probe_ip_addr_hash",
      "Specifies the hash of IP address. It's useful to detect if the IP address changes.");
  public static final Family FAILED_DUE_TO_REGEX = Family.gauge("probe_failed_due_to_regex",
      "Indicates if probe failed due to regex");
  public static final Family FAILURE_INFO = Family.gauge("probe_failure_info",
      "Why the probe failed (value 1, only when it failed): dns, blocked, connect, tls, timeout, "
          + "status, regex, header, ssl, http_version, redirects, body_too_large, compression, "
          + "memory, json, health or io",
      "reason");
  public static final Family ATTEMPTS = Family.gauge("probe_attempts",
      "Attempts the probe made (1 + the retries it needed); present when the module retries");

  public static final Family HTTP_DURATION = Family.gauge("probe_http_duration_seconds",
      "Duration of http request by phase, summed over all redirects", "phase");
  public static final Family HTTP_CONTENT_LENGTH = Family.gauge("probe_http_content_length",
      "Length of http content response");
  public static final Family HTTP_BODY_LENGTH = Family.gauge(
      "probe_http_uncompressed_body_length", "Length of uncompressed response body");
  public static final Family HTTP_REDIRECTS = Family.gauge("probe_http_redirects",
      "The number of redirects");
  public static final Family HTTP_SSL = Family.gauge("probe_http_ssl",
      "Indicates if SSL was used for the final redirect");
  public static final Family HTTP_STATUS = Family.gauge("probe_http_status_code",
      "Response HTTP status code");
  public static final Family HTTP_VERSION = Family.gauge("probe_http_version",
      "Returns the version of HTTP of the probe response");
  public static final Family HTTP_LAST_MODIFIED = Family.gauge(
      "probe_http_last_modified_timestamp_seconds",
      "Returns the Last-Modified HTTP response header in unixtime");

  public static final Family SSL_EARLIEST_EXPIRY = Family.gauge("probe_ssl_earliest_cert_expiry",
      "Returns last SSL chain expiry in unixtime");
  public static final Family SSL_LAST_CHAIN_EXPIRY = Family.gauge(
      "probe_ssl_last_chain_expiry_timestamp_seconds",
      "Returns last SSL chain expiry in timestamp");
  public static final Family SSL_LAST_CHAIN_INFO = Family.gauge("probe_ssl_last_chain_info",
      "Contains SSL leaf certificate information", "fingerprint_sha256", "subject", "issuer",
      "subjectalternative", "serialnumber");
  public static final Family TLS_VERSION = Family.gauge("probe_tls_version_info",
      "Returns the TLS version used or NaN when unknown", "version");
  public static final Family TLS_CIPHER = Family.gauge("probe_tls_cipher_info",
      "Returns the TLS cipher negotiated during handshake", "cipher");
}
