package io.exporters.common.webconfig;

import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Decides on client certificates during the handshake, as Go's {@code tls.Config} does for the
 * client_auth_type: chain verification against the client CAs only when the type verifies, and
 * then exporter-toolkit's {@code client_allowed_sans} check on the leaf certificate (an exact
 * match of a DNS, IP, e-mail or URI SAN). A rejected certificate fails the handshake.
 */
final class ClientCertTrustManager extends X509ExtendedTrustManager {
  private static final Pattern IP_LITERAL = Pattern.compile(
      "((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)"
          + "|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
  private static final int SAN_EMAIL = 1;
  private static final int SAN_DNS = 2;
  private static final int SAN_URI = 6;
  private static final int SAN_IP = 7;

  private final X509ExtendedTrustManager verifier;
  private final X509Certificate[] issuers;
  private final List<String> allowedSans;
  private final Set<InetAddress> allowedIps = new HashSet<>();

  /**
   * {@code verifierOrNull} null: any certificate is taken (RequestClientCert, RequireAny...).
   * {@code issuers} are named to the client in the certificate request, as Go does.
   */
  ClientCertTrustManager(X509ExtendedTrustManager verifierOrNull, List<X509Certificate> issuers,
      List<String> allowedSans) {
    this.verifier = verifierOrNull;
    this.issuers = issuers.toArray(new X509Certificate[0]);
    this.allowedSans = List.copyOf(allowedSans);
    for (String san : allowedSans) {
      ipLiteral(san).ifPresent(allowedIps::add);
    }
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    if (verifier != null) {
      verifier.checkClientTrusted(chain, authType, engine);
    }
    checkSans(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    if (verifier != null) {
      verifier.checkClientTrusted(chain, authType, socket);
    }
    checkSans(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    if (verifier != null) {
      verifier.checkClientTrusted(chain, authType);
    }
    checkSans(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    throw new CertificateException("this trust manager only checks clients");
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    throw new CertificateException("this trust manager only checks clients");
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    throw new CertificateException("this trust manager only checks clients");
  }

  /** Sent in the CertificateRequest; empty lets the client pick any certificate. */
  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return issuers.clone();
  }

  private void checkSans(X509Certificate[] chain) throws CertificateException {
    if (allowedSans.isEmpty()) {
      return;
    }
    if (chain == null || chain.length == 0) {
      throw new CertificateException("no client certificate to match client_allowed_sans");
    }
    List<String> found = new ArrayList<>();
    Collection<List<?>> names = chain[0].getSubjectAlternativeNames();
    for (List<?> name : names == null ? List.<List<?>>of() : names) {
      int type = (Integer) name.get(0);
      if ((type != SAN_EMAIL && type != SAN_DNS && type != SAN_URI && type != SAN_IP)
          || !(name.get(1) instanceof String)) {
        continue;
      }
      String san = (String) name.get(1);
      // Java writes IPv6 SANs in full ("0:0:0:0:0:0:0:1") where Go and users write "::1".
      if (allowedSans.contains(san)
          || (type == SAN_IP && ipLiteral(san).map(allowedIps::contains).orElse(false))) {
        return;
      }
      found.add(san);
    }
    throw new CertificateException("client certificate SANs " + found
        + " include none of client_allowed_sans " + allowedSans);
  }

  private static Optional<InetAddress> ipLiteral(String s) {
    if (!IP_LITERAL.matcher(s).matches()) {
      return Optional.empty();
    }
    try {
      // Only literals get here, and InetAddress does no name lookup for a literal.
      return Optional.of(InetAddress.getByName(s));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
