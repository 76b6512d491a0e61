package io.exporters.common.webconfig;

import io.exporters.common.config.ConfigException;
import io.exporters.common.config.YamlBinding;
import io.exporters.common.secret.SecretMasker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.net.ssl.SSLContext;

/**
 * Turns {@code tls_server_config} into {@link TlsSettings}, with exporter-toolkit's rules: TLS is
 * on as soon as a certificate, key, client CA or client_auth_type is given, and then needs both a
 * certificate and a key. Relative file names are taken from the web config file's directory.
 */
final class TlsSettingsReader {
  private static final String PREFIX = "tls_server_config.";

  /** Go's curve names and the JSSE named group for each. */
  private static final Map<String, String> CURVES = new LinkedHashMap<>();

  static {
    CURVES.put("X25519", "x25519");
    CURVES.put("CurveP256", "secp256r1");
    CURVES.put("CurveP384", "secp384r1");
    CURVES.put("CurveP521", "secp521r1");
  }

  private final WebConfigErrors errors;
  private final Path baseDir;

  TlsSettingsReader(WebConfigErrors errors) {
    this.errors = errors;
    Path parent = errors.file().toAbsolutePath().getParent();
    this.baseDir = parent == null ? Path.of("") : parent;
  }

  Optional<TlsSettings> read(WebConfigFile.TlsServerConfig c) throws ConfigException {
    if (c == null) {
      return Optional.empty();
    }
    TlsSettings.Builder b = new TlsSettings.Builder();
    // Checked even when TLS stays off, as Go rejects these values while parsing.
    b.minVersion = version(c.minVersion(), "min_version", TlsVersion.TLS12);
    b.maxVersion = version(c.maxVersion(), "max_version", TlsVersion.TLS13);
    b.cipherSuites = cipherSuites(c.cipherSuites());
    b.curveNames = c.curvePreferences() == null ? List.of() : c.curvePreferences();
    b.curves = curves(b.curveNames);
    ClientAuthType clientAuth = ClientAuthType.parse(c.clientAuthType()).orElseThrow(() ->
        errors.atKey(PREFIX + "client_auth_type", "unknown value '" + c.clientAuthType()
            + "' (use NoClientCert, RequestClientCert, RequireAnyClientCert, "
            + "VerifyClientCertIfGiven or RequireAndVerifyClientCert)"));
    if (!enabled(c)) {
      return Optional.empty();
    }
    b.clientAuth = clientAuth;
    b.preferServerCipherSuites = c.preferServerCipherSuites() == null
        || c.preferServerCipherSuites();
    if (b.minVersion.compareTo(b.maxVersion) > 0) {
      throw errors.atKey(PREFIX + "min_version", b.minVersion.name()
          + " is above max_version " + b.maxVersion.name());
    }

    onlyOne(c.cert(), "cert", c.certFile(), "cert_file");
    onlyOne(c.key(), "key", c.keyFile(), "key_file");
    onlyOne(c.clientCa(), "client_ca", c.clientCaFile(), "client_ca_file");
    if (isBlank(c.cert()) && isBlank(c.certFile())) {
      throw errors.atKey(PREFIX + "cert_file", "missing: TLS needs a certificate "
          + "(cert_file, or cert inline) as well as a key");
    }
    if (isBlank(c.key()) && isBlank(c.keyFile())) {
      throw errors.atKey(PREFIX + "key_file", "missing: TLS needs a private key "
          + "(key_file, or key inline) as well as a certificate");
    }

    String certKey = isBlank(c.certFile()) ? "cert" : "cert_file";
    b.certFile = isBlank(c.certFile()) ? null : resolve(c.certFile());
    b.certificateChain = certificates(certKey, b.certFile, c.cert());

    String keyKey = isBlank(c.keyFile()) ? "key" : "key_file";
    b.keyFile = isBlank(c.keyFile()) ? null : resolve(c.keyFile());
    if (b.keyFile == null) {
      SecretMasker.register(c.key());
    }
    b.privateKey = privateKey(keyKey, b.keyFile, c.key());
    if (!matchesCertificate(keyKey, b.privateKey, b.certificateChain.get(0))) {
      throw errors.atKey(PREFIX + keyKey,
          "the private key does not belong to the certificate in " + PREFIX + certKey);
    }

    boolean hasCa = !isBlank(c.clientCa()) || !isBlank(c.clientCaFile());
    if (hasCa) {
      String caKey = isBlank(c.clientCaFile()) ? "client_ca" : "client_ca_file";
      b.clientCaFile = isBlank(c.clientCaFile()) ? null : resolve(c.clientCaFile());
      b.clientCas = certificates(caKey, b.clientCaFile, c.clientCa());
      if (!clientAuth.requestsCertificate()) {
        throw errors.atKey(PREFIX + caKey, "client CAs are set but client_auth_type is "
            + "NoClientCert; set client_auth_type to RequireAndVerifyClientCert");
      }
    } else if (clientAuth.verifiesCertificate()) {
      throw errors.atKey(PREFIX + "client_ca_file", "missing: client_auth_type "
          + clientAuth.configName() + " verifies client certificates against client_ca_file "
          + "(or client_ca inline)");
    }

    List<String> sans = c.clientAllowedSans() == null ? List.of() : c.clientAllowedSans();
    for (int i = 0; i < sans.size(); i++) {
      if (isBlank(sans.get(i))) {
        throw errors.atKey(PREFIX + "client_allowed_sans[" + i + "]", "empty SAN");
      }
    }
    if (!sans.isEmpty() && !clientAuth.requiresCertificate()) {
      throw errors.atKey(PREFIX + "client_allowed_sans", "needs client_auth_type "
          + "RequireAnyClientCert or RequireAndVerifyClientCert (with "
          + clientAuth.configName() + " a client may send no certificate to check)");
    }
    b.clientAllowedSans = sans;
    return Optional.of(b.build());
  }

  private static boolean enabled(WebConfigFile.TlsServerConfig c) {
    return !isBlank(c.cert()) || !isBlank(c.key()) || !isBlank(c.clientCa())
        || !isBlank(c.certFile()) || !isBlank(c.keyFile()) || !isBlank(c.clientCaFile())
        || !isBlank(c.clientAuthType());
  }

  private TlsVersion version(String value, String key, TlsVersion fallback)
      throws ConfigException {
    if (isBlank(value)) {
      return fallback;
    }
    return TlsVersion.parse(value).orElseThrow(() -> errors.atKey(PREFIX + key,
        "unknown TLS version '" + value + "' (use TLS10, TLS11, TLS12 or TLS13)"));
  }

  private List<String> cipherSuites(List<String> names) throws ConfigException {
    if (names == null || names.isEmpty()) {
      return List.of();
    }
    Set<String> supported;
    try {
      supported = new TreeSet<>(Arrays.asList(
          SSLContext.getDefault().getSupportedSSLParameters().getCipherSuites()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no TLS support in this JVM", e);
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      // Go before 1.16 spelled the ChaCha20 suites without the hash.
      String java = name != null && name.endsWith("_CHACHA20_POLY1305") ? name + "_SHA256" : name;
      if (java == null || !supported.contains(java)) {
        throw errors.atKey(PREFIX + "cipher_suites[" + i + "]", "unknown cipher suite '"
            + name + "' (this JVM supports e.g. TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, "
            + "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384)");
      }
      if (!out.contains(java)) {
        out.add(java);
      }
    }
    return out;
  }

  private List<String> curves(List<String> names) throws ConfigException {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String java = CURVES.get(names.get(i));
      if (java == null) {
        throw errors.atKey(PREFIX + "curve_preferences[" + i + "]", "unknown curve '"
            + names.get(i) + "' (use " + String.join(", ", CURVES.keySet()) + ")");
      }
      out.add(java);
    }
    return out;
  }

  private void onlyOne(String inline, String inlineKey, String file, String fileKey)
      throws ConfigException {
    if (!isBlank(inline) && !isBlank(file)) {
      throw errors.atKey(PREFIX + inlineKey, "set either " + inlineKey + " or " + fileKey
          + ", not both");
    }
  }

  private List<X509Certificate> certificates(String key, Path file, String inline)
      throws ConfigException {
    String text = file == null ? inline : read(key, file);
    try {
      return Pem.certificates(text);
    } catch (IllegalArgumentException e) {
      throw errors.atKey(PREFIX + key, where(file) + e.getMessage());
    }
  }

  private PrivateKey privateKey(String key, Path file, String inline) throws ConfigException {
    String text = file == null ? inline : read(key, file);
    try {
      return Pem.privateKey(text);
    } catch (IllegalArgumentException e) {
      throw errors.atKey(PREFIX + key, where(file) + e.getMessage());
    }
  }

  private boolean matchesCertificate(String key, PrivateKey privateKey, X509Certificate cert)
      throws ConfigException {
    try {
      return Pem.matches(privateKey, cert);
    } catch (IllegalArgumentException e) {
      throw errors.atKey(PREFIX + key, e.getMessage());
    }
  }

  private String read(String key, Path file) throws ConfigException {
    try {
      // PEM is ASCII; Latin-1 maps any stray byte instead of failing on it.
      return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw errors.atKey(PREFIX + key, "cannot read " + file + ": "
          + YamlBinding.ioReason(e));
    }
  }

  private Path resolve(String name) {
    return baseDir.resolve(name).normalize();
  }

  private static String where(Path file) {
    return file == null ? "" : file + ": ";
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
