package io.exporters.redis.client;

/**
 * How {@code rediss://} connections authenticate: a client certificate and key (PEM) for
 * servers that ask for one, a CA file (PEM) instead of the system's, whether to skip verifying
 * the server, and the name to verify it by (SNI) instead of the address's host.
 */
public record TlsOptions(String clientCertFile, String clientKeyFile, String caCertFile,
    boolean skipVerification, String serverName) {
  public static final TlsOptions DEFAULT = new TlsOptions(null, null, null, false, null);

  public TlsOptions withServerName(String name) {
    return name == null || name.isBlank() ? this
        : new TlsOptions(clientCertFile, clientKeyFile, caCertFile, skipVerification, name);
  }
}
