package io.exporters.common.webconfig;

import io.exporters.common.secret.Secret;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code tls_server_config} part of a web config file, loaded and checked: the server's key
 * and certificate chain and the client CAs are held in memory, so a connector built from it does
 * not depend on the files staying readable.
 */
public final class TlsSettings {
  private final List<X509Certificate> certificateChain;
  private final PrivateKey privateKey;
  private final ClientAuthType clientAuth;
  private final List<X509Certificate> clientCas;
  private final List<String> clientAllowedSans;
  private final TlsVersion minVersion;
  private final TlsVersion maxVersion;
  private final List<String> cipherSuites;
  private final List<String> curves;
  private final boolean preferServerCipherSuites;
  private final Map<String, Object> view;

  private TlsSettings(Builder b) {
    this.certificateChain = List.copyOf(b.certificateChain);
    this.privateKey = b.privateKey;
    this.clientAuth = b.clientAuth;
    this.clientCas = List.copyOf(b.clientCas);
    this.clientAllowedSans = List.copyOf(b.clientAllowedSans);
    this.minVersion = b.minVersion;
    this.maxVersion = b.maxVersion;
    this.cipherSuites = List.copyOf(b.cipherSuites);
    this.curves = List.copyOf(b.curves);
    this.preferServerCipherSuites = b.preferServerCipherSuites;
    this.view = view(b);
  }

  /** The server certificate first, then any intermediates. */
  public List<X509Certificate> certificateChain() {
    return certificateChain;
  }

  PrivateKey privateKey() {
    return privateKey;
  }

  public ClientAuthType clientAuth() {
    return clientAuth;
  }

  /** The CAs client certificates must chain to; empty unless client_ca_file or client_ca is set. */
  public List<X509Certificate> clientCas() {
    return clientCas;
  }

  /** A client certificate needs one of these SANs; empty means any. */
  public List<String> clientAllowedSans() {
    return clientAllowedSans;
  }

  public TlsVersion minVersion() {
    return minVersion;
  }

  public TlsVersion maxVersion() {
    return maxVersion;
  }

  /** JSSE names of the enabled protocol versions, lowest first. */
  public List<String> protocols() {
    List<String> out = new ArrayList<>();
    for (TlsVersion v : TlsVersion.values()) {
      if (v.compareTo(minVersion) >= 0 && v.compareTo(maxVersion) <= 0) {
        out.add(v.javaName());
      }
    }
    return out;
  }

  /** IANA (= JSSE) names, in preference order; empty means the JVM's defaults. */
  public List<String> cipherSuites() {
    return cipherSuites;
  }

  /** JSSE named groups (x25519, secp256r1, ...), in preference order; empty means the defaults. */
  public List<String> curves() {
    return curves;
  }

  public boolean preferServerCipherSuites() {
    return preferServerCipherSuites;
  }

  Map<String, Object> view() {
    return view;
  }

  @Override
  public String toString() {
    return "TlsSettings[subject=" + certificateChain.get(0).getSubjectX500Principal()
        + ", clientAuth=" + clientAuth.configName() + ", versions=" + protocols() + "]";
  }

  private static Map<String, Object> view(Builder b) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(b.certFile == null ? "cert" : "cert_file",
        b.certFile == null ? "<inline>" : b.certFile.toString());
    out.put(b.keyFile == null ? "key" : "key_file",
        b.keyFile == null ? Secret.of("inline key") : b.keyFile.toString());
    out.put("client_auth_type", b.clientAuth.configName());
    if (b.clientCaFile != null) {
      out.put("client_ca_file", b.clientCaFile.toString());
    } else if (!b.clientCas.isEmpty()) {
      out.put("client_ca", "<inline>");
    }
    if (!b.clientAllowedSans.isEmpty()) {
      out.put("client_allowed_sans", List.copyOf(b.clientAllowedSans));
    }
    out.put("min_version", b.minVersion.name());
    out.put("max_version", b.maxVersion.name());
    if (!b.cipherSuites.isEmpty()) {
      out.put("cipher_suites", List.copyOf(b.cipherSuites));
    }
    if (!b.curveNames.isEmpty()) {
      out.put("curve_preferences", List.copyOf(b.curveNames));
    }
    out.put("prefer_server_cipher_suites", b.preferServerCipherSuites);
    return Collections.unmodifiableMap(out);
  }

  /** Filled in by {@link TlsSettingsReader} once every value is checked. */
  static final class Builder {
    List<X509Certificate> certificateChain;
    PrivateKey privateKey;
    Path certFile;
    Path keyFile;
    ClientAuthType clientAuth = ClientAuthType.NO_CLIENT_CERT;
    List<X509Certificate> clientCas = List.of();
    Path clientCaFile;
    List<String> clientAllowedSans = List.of();
    TlsVersion minVersion = TlsVersion.TLS12;
    TlsVersion maxVersion = TlsVersion.TLS13;
    List<String> cipherSuites = List.of();
    List<String> curveNames = List.of();
    List<String> curves = List.of();
    boolean preferServerCipherSuites = true;

    TlsSettings build() {
      return new TlsSettings(this);
    }
  }
}
