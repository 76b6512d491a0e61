package io.exporters.scraper.tls;

import io.exporters.scraper.model.Families;
import io.exporters.scraper.model.ProbeMetrics;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * blackbox's TLS series for a handshake: the earliest expiry of what the server sent, the
 * earliest along the verified chain (left out, not year 1, when nothing was verified), the
 * leaf's identity, and the protocol version and cipher.
 */
public final class CertificateMetrics {
  private CertificateMetrics() {}

  public static void write(ProbeMetrics metrics, TlsState state, TlsClient client) {
    List<X509Certificate> peers = state.peers();
    if (!peers.isEmpty()) {
      metrics.set(Families.SSL_EARLIEST_EXPIRY, earliestExpiry(peers));
      List<X509Certificate> chain = client.verifiedChain(peers);
      if (!chain.isEmpty()) {
        metrics.set(Families.SSL_LAST_CHAIN_EXPIRY, earliestExpiry(chain));
      }
      X509Certificate leaf = peers.get(0);
      metrics.set(Families.SSL_LAST_CHAIN_INFO, 1, fingerprint(leaf),
          GoNames.of(leaf.getSubjectX500Principal()), GoNames.of(leaf.getIssuerX500Principal()),
          String.join(",", dnsNames(leaf)), leaf.getSerialNumber().toString(16));
    }
    metrics.set(Families.TLS_VERSION, 1, state.versionLabel());
    if (state.cipher() != null) {
      metrics.set(Families.TLS_CIPHER, 1, state.cipher());
    }
  }

  /** Unix seconds of the first NotAfter among {@code certs}. */
  public static double earliestExpiry(List<X509Certificate> certs) {
    long earliest = Long.MAX_VALUE;
    for (X509Certificate c : certs) {
      earliest = Math.min(earliest, c.getNotAfter().getTime() / 1000);
    }
    return earliest;
  }

  private static String fingerprint(X509Certificate cert) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(cert.getEncoded()));
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      return "";
    }
  }

  private static List<String> dnsNames(X509Certificate cert) {
    List<String> out = new ArrayList<>();
    try {
      if (cert.getSubjectAlternativeNames() != null) {
        for (List<?> san : cert.getSubjectAlternativeNames()) {
          if (Integer.valueOf(2).equals(san.get(0))) {
            out.add(String.valueOf(san.get(1)));
          }
        }
      }
    } catch (CertificateParsingException e) {
      // No readable SANs: the label stays empty, as Go leaves it.
    }
    return out;
  }
}
