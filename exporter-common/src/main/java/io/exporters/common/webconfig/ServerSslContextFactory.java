package io.exporters.common.webconfig;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Jetty's server TLS setup built from {@link TlsSettings} held in memory rather than from
 * keystore files: protocol range, cipher suites and their order, client certificate policy and
 * curves.
 */
final class ServerSslContextFactory extends SslContextFactory.Server {
  /** Go's cipher_suites only govern TLS 1.2 and older; TLS 1.3 keeps all of its suites. */
  private static final List<String> TLS13_SUITES = List.of(
      "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256");

  private final List<String> curves;

  ServerSslContextFactory(TlsSettings tls) {
    this.curves = tls.curves();
    setSslContext(sslContext(tls));
    setIncludeProtocols(tls.protocols().toArray(new String[0]));
    if (!tls.cipherSuites().isEmpty()) {
      List<String> suites = new ArrayList<>(tls.cipherSuites());
      TLS13_SUITES.stream().filter(s -> !suites.contains(s)).forEach(suites::add);
      // Jetty's default exclusions would silently drop suites the file asks for by name.
      setExcludeCipherSuites();
      setIncludeCipherSuites(suites.toArray(new String[0]));
    }
    setUseCipherSuitesOrder(tls.preferServerCipherSuites());
    ClientAuthType auth = tls.clientAuth();
    setNeedClientAuth(auth.requiresCertificate());
    setWantClientAuth(auth.requestsCertificate() && !auth.requiresCertificate());
    // A server has no host name to check a client certificate against.
    setEndpointIdentificationAlgorithm(null);
  }

  @Override
  public SSLParameters customize(SSLParameters params) {
    SSLParameters out = super.customize(params);
    NamedGroups.apply(out, curves);
    return out;
  }

  private static SSLContext sslContext(TlsSettings tls) {
    try {
      // The store only lives in memory; its password just satisfies the KeyStore API.
      char[] password = new char[32];
      SecureRandom random = new SecureRandom();
      for (int i = 0; i < password.length; i++) {
        password[i] = (char) ('a' + random.nextInt(26));
      }
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry("server", tls.privateKey(), password,
          tls.certificateChain().toArray(new X509Certificate[0]));
      KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
      kmf.init(keys, password);
      Arrays.fill(password, '\0');

      X509ExtendedTrustManager verifier = null;
      if (tls.clientAuth().verifiesCertificate()) {
        KeyStore cas = KeyStore.getInstance("PKCS12");
        cas.load(null, null);
        for (int i = 0; i < tls.clientCas().size(); i++) {
          cas.setCertificateEntry("client-ca-" + i, tls.clientCas().get(i));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(cas);
        for (TrustManager tm : tmf.getTrustManagers()) {
          if (tm instanceof X509ExtendedTrustManager) {
            verifier = (X509ExtendedTrustManager) tm;
          }
        }
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), new TrustManager[] {new ClientCertTrustManager(
          verifier, tls.clientCas(), tls.clientAllowedSans())}, random);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot set up TLS for " + tls, e);
    }
  }
}
