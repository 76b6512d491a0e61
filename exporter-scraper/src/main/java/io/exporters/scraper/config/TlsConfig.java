package io.exporters.scraper.config;

/** blackbox's {@code tls_config}: trust, client certificate, SNI and protocol versions. */
public record TlsConfig(
    Boolean insecureSkipVerify,
    String caFile,
    String certFile,
    String keyFile,
    String serverName,
    String minVersion,
    String maxVersion) {

  public static final TlsConfig DEFAULT = new TlsConfig(null, null, null, null, null, null, null);

  public boolean insecure() {
    return Boolean.TRUE.equals(insecureSkipVerify);
  }
}
