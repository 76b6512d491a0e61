package io.exporters.scraper.tls;

import io.exporters.scraper.config.TlsConfig;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS side of one module, built once per configuration from its {@code tls_config}: whom to
 * trust (the JDK's roots, a ca_file, or anyone), the client certificate, the SNI name and the
 * protocol versions. Also rebuilds the chain a server's certificates were verified through.
 */
public final class TlsClient {
  private static final List<String> VERSIONS = List.of("TLS10", "TLS11", "TLS12", "TLS13");

  private final Supplier<Material> material;
  private final boolean insecure;
  private final String serverName;
  private final List<String> protocols;

  /** What a handshake needs; for the JDK's roots, built by the first one. */
  private record Material(SSLSocketFactory socketFactory, X509TrustManager trustManager,
      TrustAnchors anchors) {}

  private TlsClient(Supplier<Material> material, TlsConfig c) {
    this.material = material;
    this.insecure = c.insecure();
    this.serverName = c.serverName() == null || c.serverName().isEmpty() ? null : c.serverName();
    this.protocols = protocols(c.minVersion(), c.maxVersion());
  }

  /** Reads the files {@code config} names; an IllegalArgumentException says what is wrong. */
  public static TlsClient of(TlsConfig config) {
    TlsConfig c = config == null ? TlsConfig.DEFAULT : config;
    if (c.equals(TlsConfig.DEFAULT)) {
      // Most modules trust the JDK's roots: one context (and one parsed trust store) for all,
      // set up by the first https probe; a process probing plain HTTP never loads them.
      return DEFAULT;
    }
    if ((c.certFile() == null) != (c.keyFile() == null)) {
      throw new IllegalArgumentException("cert_file and key_file go together");
    }
    Material m = material(c);
    return new TlsClient(() -> m, c);
  }

  private static final TlsClient DEFAULT =
      new TlsClient(() -> DefaultMaterial.INSTANCE, TlsConfig.DEFAULT);

  /** The JDK's roots: read when a handshake first needs them. */
  private static final class DefaultMaterial {
    static final Material INSTANCE = material(TlsConfig.DEFAULT);
  }

  private static Material material(TlsConfig c) {
    try {
      X509TrustManager trust = c.insecure() ? TrustAll.INSTANCE : trustManager(c.caFile());
      KeyManager[] keys = c.certFile() == null ? null : keyManagers(c.certFile(), c.keyFile());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys, new TrustManager[] {trust}, null);
      return new Material(context.getSocketFactory(), trust, new TrustAnchors(trust));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot set up TLS: " + e.getClass().getSimpleName());
    }
  }

  public SSLSocketFactory socketFactory() {
    return material.get().socketFactory();
  }

  public X509TrustManager trustManager() {
    return material.get().trustManager();
  }

  public boolean insecure() {
    return insecure;
  }

  /** tls_config.server_name, or null to use the target's host. */
  public String serverName() {
    return serverName;
  }

  /** JSSE protocol names, e.g. TLSv1.2 and TLSv1.3. */
  public List<String> protocols() {
    return protocols;
  }

  /** The verified chain from the leaf to a trusted root; empty when nothing was verified. */
  public List<X509Certificate> verifiedChain(List<X509Certificate> peers) {
    return insecure ? List.of() : material.get().anchors().chain(peers);
  }

  private static X509TrustManager trustManager(String caFile) throws GeneralSecurityException {
    KeyStore store = null;
    if (caFile != null) {
      store = emptyStore();
      int i = 0;
      for (X509Certificate ca : PemFiles.certificates(caFile)) {
        store.setCertificateEntry("ca" + i++, ca);
      }
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(store);
    for (TrustManager tm : tmf.getTrustManagers()) {
      if (tm instanceof X509TrustManager x) {
        return x;
      }
    }
    throw new GeneralSecurityException("no X509TrustManager");
  }

  private static KeyManager[] keyManagers(String certFile, String keyFile)
      throws GeneralSecurityException {
    List<X509Certificate> chain = PemFiles.certificates(certFile);
    PrivateKey key = PemFiles.privateKey(keyFile);
    KeyStore store = emptyStore();
    char[] password = new char[0];
    store.setKeyEntry("client", key, password, chain.toArray(new X509Certificate[0]));
    KeyManagerFactory kmf =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(store, password);
    return kmf.getKeyManagers();
  }

  private static KeyStore emptyStore() throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, null);
    } catch (java.io.IOException e) {
      throw new GeneralSecurityException(e);
    }
    return store;
  }

  /** TLS12 by default up to TLS13, as Go's client; TLS10/11 only if the JDK allows them. */
  static List<String> protocols(String min, String max) {
    int lo = index(min, 2);
    int hi = index(max, 3);
    if (lo > hi) {
      throw new IllegalArgumentException("min_version is above max_version");
    }
    List<String> out = new ArrayList<>();
    for (int i = hi; i >= lo; i--) {
      out.add(i == 0 ? "TLSv1" : "TLSv1." + i);
    }
    return List.copyOf(out);
  }

  private static int index(String version, int fallback) {
    if (version == null || version.isEmpty()) {
      return fallback;
    }
    int i = VERSIONS.indexOf(version.toUpperCase(Locale.ROOT));
    if (i < 0) {
      throw new IllegalArgumentException("unknown TLS version '" + version
          + "' (expected one of " + String.join(", ", VERSIONS) + ")");
    }
    return i;
  }
}
