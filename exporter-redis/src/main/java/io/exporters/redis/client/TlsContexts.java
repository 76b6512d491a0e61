package io.exporters.redis.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * SSL contexts for {@code rediss://} from PEM files, read at every connect so that rotated
 * certificates are picked up (as redis_exporter does). Problems name the file, never its
 * contents.
 */
final class TlsContexts {
  private static final char[] IN_MEMORY = new char[0];

  private TlsContexts() {}

  static SSLContext of(TlsOptions options) throws IOException, GeneralSecurityException {
    KeyManagerFactory keys = null;
    if (options.clientCertFile() != null && options.clientKeyFile() != null) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      Certificate[] chain = certificates(options.clientCertFile()).toArray(new Certificate[0]);
      store.setKeyEntry("client", privateKey(options.clientKeyFile()), IN_MEMORY, chain);
      keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, IN_MEMORY);
    }
    TrustManager[] trust = null;
    if (options.skipVerification()) {
      trust = new TrustManager[] {new TrustingEveryone()};
    } else if (options.caCertFile() != null) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      int i = 0;
      for (Certificate ca : certificates(options.caCertFile())) {
        store.setCertificateEntry("ca" + i++, ca);
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      trust = factory.getTrustManagers();
    }
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys == null ? null : keys.getKeyManagers(), trust, null);
    return context;
  }

  private static Collection<? extends Certificate> certificates(String file) throws IOException {
    try (InputStream in = Files.newInputStream(Path.of(file))) {
      Collection<? extends Certificate> certs =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certs.isEmpty()) {
        throw new IOException("no certificate in " + file);
      }
      return certs;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot read the certificates in " + file + ": " + e.getMessage());
    }
  }

  private static PrivateKey privateKey(String file) throws IOException {
    try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.US_ASCII);
        PEMParser parser = new PEMParser(reader)) {
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
        if (item instanceof PEMKeyPair pair) {
          return converter.getKeyPair(pair).getPrivate();
        }
        if (item instanceof PrivateKeyInfo info) {
          return converter.getPrivateKey(info);
        }
      }
    } catch (IOException e) {
      throw new IOException("cannot read the private key in " + file);
    }
    throw new IOException("no unencrypted private key in " + file);
  }

  /** --skip-tls-verification: accepts any server certificate, as the flag asks. */
  private static final class TrustingEveryone implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
      // Not a server.
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
      // Verification was switched off by the operator.
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
