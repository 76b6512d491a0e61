package io.exporters.common.webconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.exporters.common.config.ConfigException;
import io.exporters.common.config.Redaction;
import io.exporters.testkit.TestCertificates;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebConfigTest {
  private static final String HASH = BCrypt.withDefaults().hashToString(4, "s3cret".toCharArray());

  @TempDir
  Path dir;

  private TestCertificates certs;
  private Path file;

  @BeforeEach
  void setUp() {
    certs = TestCertificates.create(dir.resolve("pki"));
    file = dir.resolve("web.yml");
  }

  @Test
  void loadsAFullFile() throws Exception {
    write("tls_server_config:\n"
        + "  cert_file: pki/server.pem\n" // relative: taken from the file's directory
        + "  key_file: " + certs.serverKeyFile() + "\n"
        + "  client_auth_type: RequireAndVerifyClientCert\n"
        + "  client_ca_file: " + certs.caCertFile() + "\n"
        + "  client_allowed_sans: [prometheus.example]\n"
        + "  min_version: TLS13\n"
        + "  max_version: TLS13\n"
        + "  cipher_suites: [TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,"
        + " TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305]\n"
        + "  curve_preferences: [X25519, CurveP384]\n"
        + "  prefer_server_cipher_suites: false\n"
        + "http_server_config:\n"
        + "  http2: false\n"
        + "  headers:\n"
        + "    X-Frame-Options: deny\n"
        + "    X-Content-Type-Options: nosniff\n"
        + "    Strict-Transport-Security: max-age=31536000\n"
        + "    X-XSS-Protection: \"\"\n"
        + "basic_auth_users:\n"
        + "  alice: " + HASH + "\n"
        + "rate_limit:\n"
        + "  interval: 500ms\n"
        + "  burst: 7\n");

    WebConfig config = WebConfig.load(file);

    TlsSettings tls = config.tls().orElseThrow();
    assertThat(tls.certificateChain()).hasSize(1);
    assertThat(tls.certificateChain().get(0).getSubjectX500Principal().getName())
        .isEqualTo("CN=localhost");
    assertThat(tls.clientAuth()).isEqualTo(ClientAuthType.REQUIRE_AND_VERIFY_CLIENT_CERT);
    assertThat(tls.clientCas()).containsExactly(certs.caCertificate());
    assertThat(tls.clientAllowedSans()).containsExactly("prometheus.example");
    assertThat(tls.protocols()).containsExactly("TLSv1.3");
    assertThat(tls.cipherSuites()).containsExactly("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
    assertThat(tls.curves()).containsExactly("x25519", "secp384r1");
    assertThat(tls.preferServerCipherSuites()).isFalse();
    assertThat(config.view()).extractingByKey("http_server_config")
        .isEqualTo(Map.of("http2", false, "headers", config.headers()));
    // A blank header value means "unset", as in exporter-toolkit.
    assertThat(config.headers()).containsExactly(Map.entry("X-Frame-Options", "deny"),
        Map.entry("X-Content-Type-Options", "nosniff"),
        Map.entry("Strict-Transport-Security", "max-age=31536000"));
    assertThat(config.basicAuth().enabled()).isTrue();
    assertThat(config.basicAuth().check(basic("alice", "s3cret"))).isTrue();
    RateLimiter limiter = config.rateLimiter().orElseThrow();
    assertThat(limiter.interval()).isEqualTo(Duration.ofMillis(500));
    assertThat(limiter.burst()).isEqualTo(7);
  }

  @Test
  void redactedViewShowsPathsButNoSecrets() throws Exception {
    KeyPair keys = ecKeys();
    write("tls_server_config:\n"
        + "  cert: |\n" + indent(TestCertificates.pem(TestCertificates.selfSigned(keys)))
        + "  key: |\n" + indent(TestCertificates.traditional(keys.getPrivate()))
        + "  client_auth_type: VerifyClientCertIfGiven\n"
        + "  client_ca_file: " + certs.caCertFile() + "\n"
        + "basic_auth_users:\n"
        + "  alice: " + HASH + "\n"
        + "rate_limit: {interval: 1m, burst: 3}\n");

    Object view = Redaction.plain(WebConfig.load(file).view());

    assertThat(view).isEqualTo(Map.of(
        "tls_server_config", Map.of(
            "cert", "<inline>",
            "key", "<secret>",
            "client_auth_type", "VerifyClientCertIfGiven",
            "client_ca_file", certs.caCertFile().toString(),
            "min_version", "TLS12",
            "max_version", "TLS13",
            "prefer_server_cipher_suites", true),
        "http_server_config", Map.of("http2", true),
        "basic_auth_users", Map.of("alice", "<secret>"),
        "rate_limit", Map.of("interval", "1m", "burst", 3)));
    assertThat(view.toString()).doesNotContain(HASH).doesNotContain("PRIVATE KEY")
        .doesNotContain("CERTIFICATE");
  }

  @Test
  void readsEveryPrivateKeyFormat() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    KeyPair rsaKeys = rsa.generateKeyPair();
    KeyPair ecKeys = ecKeys();
    Map<String, KeyPair> cases = Map.of(
        TestCertificates.pkcs8(rsaKeys.getPrivate()), rsaKeys,
        TestCertificates.traditional(rsaKeys.getPrivate()), rsaKeys,
        TestCertificates.pkcs8(ecKeys.getPrivate()), ecKeys,
        TestCertificates.traditional(ecKeys.getPrivate()), ecKeys);
    assertThat(cases.keySet()).anyMatch(k -> k.startsWith("-----BEGIN RSA PRIVATE KEY"))
        .anyMatch(k -> k.startsWith("-----BEGIN EC PRIVATE KEY"))
        .anyMatch(k -> k.startsWith("-----BEGIN PRIVATE KEY"));

    for (Map.Entry<String, KeyPair> c : cases.entrySet()) {
      Path cert = Files.writeString(dir.resolve("cert.pem"),
          TestCertificates.pem(TestCertificates.selfSigned(c.getValue())));
      Path key = Files.writeString(dir.resolve("key.pem"), c.getKey());
      write("tls_server_config: {cert_file: " + cert + ", key_file: " + key + "}\n");

      TlsSettings tls = WebConfig.load(file).tls().orElseThrow();

      assertThat(secret(tls.privateKey())).isEqualTo(secret(c.getValue().getPrivate()));
    }
  }

  @Test
  void emptyFileMeansNothingConfigured() throws Exception {
    write("");

    WebConfig config = WebConfig.load(file);

    assertThat(config.tls()).isEmpty();
    assertThat(config.basicAuth().enabled()).isFalse();
    assertThat(config.rateLimiter()).isEmpty();
    assertThat(config.headers()).isEmpty();
  }

  @Test
  void emptyConfigHasNothing() {
    WebConfig config = WebConfig.empty();

    assertThat(config.tls()).isEmpty();
    assertThat(config.basicAuth().enabled()).isFalse();
    assertThat(config.basicAuth().check(basic("alice", "s3cret"))).isFalse();
    assertThat(config.rateLimiter()).isEmpty();
    assertThat(config.headers()).isEmpty();
    assertThat(config.view()).isEqualTo(Map.of());
  }

  @Test
  void tlsSettingsWithoutCertificateOrKeyLeaveTlsOff() throws Exception {
    write("tls_server_config:\n  min_version: TLS13\n");

    assertThat(WebConfig.load(file).tls()).isEmpty();
  }

  @Test
  void rateLimitIntervalZeroTurnsItOff() throws Exception {
    write("rate_limit: {interval: 0s, burst: 5}\n");

    assertThat(WebConfig.load(file).rateLimiter()).isEmpty();
  }

  @Test
  void unknownKey() throws Exception {
    write("tls_server_config:\n  cert_fil: x.pem\n");

    assertLoadFails().hasMessageStartingWith(
        "web config file " + file + ": unknown key 'tls_server_config.cert_fil' (known keys "
            + "here: cert, cert_file, cipher_suites, client_allowed_sans,");
  }

  @Test
  void unknownTopLevelKey() throws Exception {
    write("basic_auth_user:\n  alice: x\n");

    assertLoadFails().hasMessageStartingWith(
        "web config file " + file + ": unknown key 'basic_auth_user'");
  }

  @Test
  void wrongTypeOfValue() throws Exception {
    write("rate_limit:\n  interval: 1s\n  burst: [1, 2]\n");

    assertLoadFails().hasMessage("web config file " + file
        + ": key 'rate_limit.burst': expected a whole number, got a list");
  }

  @Test
  void wrongTypeDoesNotQuoteTheValue() throws Exception {
    write("basic_auth_users:\n  alice: {hash: " + HASH + "}\n");

    assertLoadFails().hasMessage("web config file " + file
        + ": key 'basic_auth_users.alice': expected a string, got a map");
  }

  @Test
  void wrongTypeInAList() throws Exception {
    write("tls_server_config:\n  cipher_suites: [[a]]\n");

    assertLoadFails().hasMessage("web config file " + file
        + ": key 'tls_server_config.cipher_suites[0]': expected a string, got a list");
  }

  @Test
  void invalidYaml() throws Exception {
    write("tls_server_config:\n  cert_file: [unclosed\n");

    assertLoadFails().hasMessageStartingWith("web config file " + file + ": invalid YAML at line");
  }

  @Test
  void unreadableFile() {
    Path missing = dir.resolve("missing.yml");

    assertThatThrownBy(() -> WebConfig.load(missing)).isInstanceOf(ConfigException.class)
        .hasMessage("cannot read web config file " + missing + ": no such file");
  }

  @Test
  void unreadableCertificateFile() throws Exception {
    write("tls_server_config:\n  cert_file: nope.pem\n  key_file: " + certs.serverKeyFile()
        + "\n");

    assertLoadFails().hasMessage("web config file " + file + ": key 'tls_server_config.cert_file'"
        + ": cannot read " + dir.resolve("nope.pem") + ": no such file");
  }

  @Test
  void badPemCertificate() throws Exception {
    Path garbage = Files.writeString(dir.resolve("garbage.pem"), "this is not PEM\n");
    write("tls_server_config:\n  cert_file: " + garbage + "\n  key_file: "
        + certs.serverKeyFile() + "\n");

    assertLoadFails().hasMessage("web config file " + file + ": key 'tls_server_config.cert_file'"
        + ": " + garbage + ": no PEM CERTIFICATE block found");
  }

  @Test
  void corruptPemKeyIsReportedWithoutItsContent() throws Exception {
    String key = Files.readString(certs.serverKeyFile());
    String body = key.split("\n")[1];
    String corrupt = key.replace(body, "!!!!" + body.substring(4));
    Path bad = Files.writeString(dir.resolve("bad-key.pem"), corrupt);
    write("tls_server_config:\n  cert_file: " + certs.serverCertFile() + "\n  key_file: "
        + bad + "\n");

    assertLoadFails().hasMessage("web config file " + file + ": key 'tls_server_config.key_file'"
        + ": " + bad + ": malformed PEM data").message().doesNotContain(body.substring(4));
  }

  @Test
  void encryptedKeyIsRefused() throws Exception {
    Path encrypted = Files.writeString(dir.resolve("enc.pem"), "-----BEGIN ENCRYPTED PRIVATE KEY"
        + "-----\n" + Base64.getEncoder().encodeToString(new byte[48]) + "\n-----END ENCRYPTED "
        + "PRIVATE KEY-----\n");
    write("tls_server_config:\n  cert_file: " + certs.serverCertFile() + "\n  key_file: "
        + encrypted + "\n");

    assertLoadFails().hasMessageContaining("key 'tls_server_config.key_file'")
        .hasMessageContaining("encrypted private keys are not supported");
  }

  @Test
  void ecKeyThatNamesNoCurve() throws Exception {
    KeyPair keys = ecKeys();
    StringWriter pem = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
      writer.writeObject(keys.getPrivate()); // drops the curve of a JDK key
    }
    assertThat(pem.toString()).startsWith("-----BEGIN EC PRIVATE KEY");
    Path cert = Files.writeString(dir.resolve("cert.pem"),
        TestCertificates.pem(TestCertificates.selfSigned(keys)));
    Path key = Files.writeString(dir.resolve("key.pem"), pem.toString());
    write("tls_server_config: {cert_file: " + cert + ", key_file: " + key + "}\n");

    assertLoadFails().hasMessageStartingWith("web config file " + file
        + ": key 'tls_server_config.key_file': " + key
        + ": the EC PRIVATE KEY block names no curve");
  }

  @Test
  void keyOfAnotherCertificate() throws Exception {
    write("tls_server_config:\n  cert_file: " + certs.serverCertFile() + "\n  key_file: "
        + certs.clientKeyFile() + "\n");

    assertLoadFails().hasMessage("web config file " + file + ": key 'tls_server_config.key_file'"
        + ": the private key does not belong to the certificate in tls_server_config.cert_file");
  }

  @Test
  void certificateWithoutKey() throws Exception {
    write("tls_server_config:\n  cert_file: " + certs.serverCertFile() + "\n");

    assertLoadFails().hasMessageStartingWith("web config file " + file
        + ": key 'tls_server_config.key_file': missing");
  }

  @Test
  void keyWithoutCertificate() throws Exception {
    write("tls_server_config:\n  key_file: " + certs.serverKeyFile() + "\n");

    assertLoadFails().hasMessageStartingWith("web config file " + file
        + ": key 'tls_server_config.cert_file': missing");
  }

  @Test
  void inlineAndFileTogether() throws Exception {
    write("tls_server_config:\n  cert_file: " + certs.serverCertFile() + "\n  cert: x\n"
        + "  key_file: " + certs.serverKeyFile() + "\n");

    assertLoadFails().hasMessage("web config file " + file
        + ": key 'tls_server_config.cert': set either cert or cert_file, not both");
  }

  @Test
  void badTlsVersion() throws Exception {
    write("tls_server_config:\n  min_version: TLS14\n");

    assertLoadFails().hasMessage("web config file " + file + ": key 'tls_server_config"
        + ".min_version': unknown TLS version 'TLS14' (use TLS10, TLS11, TLS12 or TLS13)");
  }

  @Test
  void minVersionAboveMaxVersion() throws Exception {
    write(serverTls() + "  min_version: TLS13\n  max_version: TLS12\n");

    assertLoadFails().hasMessage("web config file " + file
        + ": key 'tls_server_config.min_version': TLS13 is above max_version TLS12");
  }

  @Test
  void unknownCipherSuiteAndCurve() throws Exception {
    write("tls_server_config:\n  cipher_suites: [TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, FAST]\n");
    assertLoadFails().hasMessageStartingWith("web config file " + file
        + ": key 'tls_server_config.cipher_suites[1]': unknown cipher suite 'FAST'");

    write("tls_server_config:\n  curve_preferences: [CurveP256, P-256]\n");
    assertLoadFails().hasMessage("web config file " + file
        + ": key 'tls_server_config.curve_preferences[1]': unknown curve 'P-256' "
        + "(use X25519, CurveP256, CurveP384, CurveP521)");
  }

  @Test
  void unknownClientAuthType() throws Exception {
    write(serverTls() + "  client_auth_type: Always\n");

    assertLoadFails().hasMessageStartingWith("web config file " + file
        + ": key 'tls_server_config.client_auth_type': unknown value 'Always'");
  }

  @Test
  void verifyingClientCertsNeedsClientCas() throws Exception {
    write(serverTls() + "  client_auth_type: RequireAndVerifyClientCert\n");

    assertLoadFails().hasMessageStartingWith("web config file " + file
        + ": key 'tls_server_config.client_ca_file': missing");
  }

  @Test
  void clientCasWithoutClientAuth() throws Exception {
    write(serverTls() + "  client_ca_file: " + certs.caCertFile() + "\n");

    assertLoadFails().hasMessageStartingWith("web config file " + file
        + ": key 'tls_server_config.client_ca_file': client CAs are set but client_auth_type "
        + "is NoClientCert");
  }

  @Test
  void allowedSansNeedARequiredClientCert() throws Exception {
    write(serverTls() + "  client_auth_type: VerifyClientCertIfGiven\n"
        + "  client_ca_file: " + certs.caCertFile() + "\n"
        + "  client_allowed_sans: [a.example]\n");

    assertLoadFails().hasMessageStartingWith("web config file " + file
        + ": key 'tls_server_config.client_allowed_sans': needs client_auth_type "
        + "RequireAnyClientCert or RequireAndVerifyClientCert");
  }

  @Test
  void badBcryptHashIsNotQuoted() throws Exception {
    String notAHash = "$2y$10$tooShortToBeABcryptHash";
    write("basic_auth_users:\n  alice: " + HASH + "\n  bob: " + notAHash + "\n");

    assertLoadFails().hasMessageStartingWith("web config file " + file
        + ": key 'basic_auth_users.bob': not a bcrypt hash").message()
        .doesNotContain(notAHash);
  }

  @Test
  void plainPasswordInsteadOfHash() throws Exception {
    write("basic_auth_users:\n  alice: hunter2\n");

    assertLoadFails().hasMessageStartingWith("web config file " + file
        + ": key 'basic_auth_users.alice': not a bcrypt hash").message()
        .doesNotContain("hunter2");
  }

  @Test
  void headerThatCannotBeConfigured() throws Exception {
    write("http_server_config:\n  headers:\n    Server: exporter\n");

    assertLoadFails().hasMessage("web config file " + file
        + ": key 'http_server_config.headers.Server': header 'Server' can not be configured "
        + "(allowed: Content-Security-Policy, Strict-Transport-Security, X-Content-Type-Options,"
        + " X-Frame-Options, X-XSS-Protection)");
  }

  @Test
  void headerWithAValueOutsideItsEnumeration() throws Exception {
    write("http_server_config:\n  headers:\n    X-Frame-Options: allow\n");

    assertLoadFails().hasMessage("web config file " + file
        + ": key 'http_server_config.headers.X-Frame-Options': invalid value 'allow' "
        + "(use deny or sameorigin)");
  }

  @Test
  void badRateLimit() throws Exception {
    write("rate_limit:\n  interval: soon\n  burst: 1\n");
    assertLoadFails().hasMessageStartingWith("web config file " + file
        + ": key 'rate_limit.interval': 'soon' is not a duration");

    write("rate_limit:\n  interval: 1s\n");
    assertLoadFails().hasMessageStartingWith("web config file " + file
        + ": key 'rate_limit.burst': must be at least 1");
  }

  private AbstractThrowableAssert<?, ? extends Throwable> assertLoadFails() {
    return assertThatThrownBy(() -> WebConfig.load(file)).isInstanceOf(ConfigException.class);
  }

  private String serverTls() {
    return "tls_server_config:\n"
        + "  cert_file: " + certs.serverCertFile() + "\n"
        + "  key_file: " + certs.serverKeyFile() + "\n";
  }

  private void write(String yaml) throws Exception {
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
  }

  private static String indent(String pem) {
    StringBuilder out = new StringBuilder();
    for (String line : List.of(pem.split("\n"))) {
      out.append("    ").append(line).append('\n');
    }
    return out.toString();
  }

  /** The number that is the key, whatever encoding it came in. */
  private static BigInteger secret(PrivateKey key) {
    return key instanceof RSAPrivateKey ? ((RSAPrivateKey) key).getPrivateExponent()
        : ((ECPrivateKey) key).getS();
  }

  private static KeyPair ecKeys() throws Exception {
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(new ECGenParameterSpec("secp256r1"));
    return ec.generateKeyPair();
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString(
        (user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
