package io.exporters.common.webconfig;

import java.util.Optional;

/**
 * Go's {@code tls.ClientAuthType} as written in {@code client_auth_type}: whether a client
 * certificate is asked for, required, and checked against {@code client_ca_file}.
 */
public enum ClientAuthType {
  NO_CLIENT_CERT("NoClientCert", false, false, false),
  REQUEST_CLIENT_CERT("RequestClientCert", true, false, false),
  REQUIRE_ANY_CLIENT_CERT("RequireAnyClientCert", true, true, false),
  VERIFY_CLIENT_CERT_IF_GIVEN("VerifyClientCertIfGiven", true, false, true),
  REQUIRE_AND_VERIFY_CLIENT_CERT("RequireAndVerifyClientCert", true, true, true);

  private final String configName;
  private final boolean requests;
  private final boolean requires;
  private final boolean verifies;

  ClientAuthType(String configName, boolean requests, boolean requires, boolean verifies) {
    this.configName = configName;
    this.requests = requests;
    this.requires = requires;
    this.verifies = verifies;
  }

  /** The name used in the web config file. */
  public String configName() {
    return configName;
  }

  /** The server asks the client for a certificate. */
  public boolean requestsCertificate() {
    return requests;
  }

  /** The handshake fails when the client sends no certificate. */
  public boolean requiresCertificate() {
    return requires;
  }

  /** A certificate the client sends must chain to the configured client CAs. */
  public boolean verifiesCertificate() {
    return verifies;
  }

  static Optional<ClientAuthType> parse(String name) {
    if (name == null || name.isEmpty()) {
      return Optional.of(NO_CLIENT_CERT);
    }
    // exporter-toolkit still accepts the old spelling.
    if (name.equals("RequireClientCert")) {
      return Optional.of(REQUIRE_ANY_CLIENT_CERT);
    }
    for (ClientAuthType t : values()) {
      if (t.configName.equals(name)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
