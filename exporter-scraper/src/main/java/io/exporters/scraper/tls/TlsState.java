package io.exporters.scraper.tls;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** What a finished TLS handshake showed: the server's certificates, protocol and cipher. */
public record TlsState(List<X509Certificate> peers, String protocol, String cipher) {
  public TlsState {
    peers = List.copyOf(peers);
  }

  public static TlsState of(List<? extends Certificate> certificates, String protocol,
      String cipher) {
    List<X509Certificate> peers = new ArrayList<>();
    for (Certificate c : certificates) {
      if (c instanceof X509Certificate x) {
        peers.add(x);
      }
    }
    return new TlsState(peers, protocol, cipher);
  }

  /** blackbox's spelling: "TLS 1.2", "TLS 1.3", or "unknown". */
  public String versionLabel() {
    switch (protocol == null ? "" : protocol) {
      case "TLSv1":
        return "TLS 1.0";
      case "TLSv1.1":
        return "TLS 1.1";
      case "TLSv1.2":
        return "TLS 1.2";
      case "TLSv1.3":
        return "TLS 1.3";
      default:
        return "unknown";
    }
  }
}
