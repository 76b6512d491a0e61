package io.exporters.testkit;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * A throw-away PKI for TLS tests: a self-signed CA, a server certificate for {@code localhost}
 * and {@code 127.0.0.1}, and a client certificate with one chosen SAN, all signed by that CA and
 * written as PEM files (keys as PKCS#8). EC P-256 keys keep generation fast.
 */
public final class TestCertificates {
  /** The SAN given to the client certificate by {@link #create(Path)}. */
  public static final String DEFAULT_CLIENT_SAN = "client.example";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path caCertFile;
  private final Path serverCertFile;
  private final Path serverKeyFile;
  private final Path clientCertFile;
  private final Path clientKeyFile;
  private final X509Certificate caCert;
  private final X509Certificate clientCert;
  private final PrivateKey clientKey;
  private final X509Certificate serverCert;
  private final PrivateKey serverKey;

  private TestCertificates(Path dir, X509Certificate caCert, X509Certificate serverCert,
      PrivateKey serverKey, X509Certificate clientCert, PrivateKey clientKey) throws IOException {
    this.caCert = caCert;
    this.serverCert = serverCert;
    this.serverKey = serverKey;
    this.clientCert = clientCert;
    this.clientKey = clientKey;
    this.caCertFile = write(dir.resolve("ca.pem"), pem(caCert));
    this.serverCertFile = write(dir.resolve("server.pem"), pem(serverCert));
    this.serverKeyFile = write(dir.resolve("server-key.pem"), pkcs8(serverKey));
    this.clientCertFile = write(dir.resolve("client.pem"), pem(clientCert));
    this.clientKeyFile = write(dir.resolve("client-key.pem"), pkcs8(clientKey));
  }

  /** A CA plus server and client certificates (client SAN {@value #DEFAULT_CLIENT_SAN}). */
  public static TestCertificates create(Path dir) {
    return create(dir, DEFAULT_CLIENT_SAN);
  }

  /**
   * Like {@link #create(Path)} with the client certificate's only SAN set to {@code clientSan}: an
   * IP literal becomes an IP SAN, something with {@code @} an e-mail SAN, something with
   * {@code ://} a URI SAN, anything else a DNS SAN.
   */
  public static TestCertificates create(Path dir, String clientSan) {
    try {
      Files.createDirectories(dir);
      KeyPair caKeys = newKeyPair();
      X500Name caName = new X500Name("CN=Test CA");
      X509Certificate ca = sign(caName, caKeys, caName, caKeys.getPublic(), true, null, null);
      KeyPair serverKeys = newKeyPair();
      X509Certificate server = sign(caName, caKeys, new X500Name("CN=localhost"),
          serverKeys.getPublic(), false, KeyPurposeId.id_kp_serverAuth,
          new GeneralNames(new GeneralName[] {
              new GeneralName(GeneralName.dNSName, "localhost"),
              new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
      KeyPair clientKeys = newKeyPair();
      X509Certificate client = sign(caName, caKeys, new X500Name("CN=test client"),
          clientKeys.getPublic(), false, KeyPurposeId.id_kp_clientAuth,
          new GeneralNames(generalName(clientSan)));
      return new TestCertificates(dir, ca, server, serverKeys.getPrivate(), client,
          clientKeys.getPrivate());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("cannot create test certificates", e);
    }
  }

  public Path caCertFile() {
    return caCertFile;
  }

  public Path serverCertFile() {
    return serverCertFile;
  }

  public Path serverKeyFile() {
    return serverKeyFile;
  }

  public Path clientCertFile() {
    return clientCertFile;
  }

  public Path clientKeyFile() {
    return clientKeyFile;
  }

  public X509Certificate caCertificate() {
    return caCert;
  }

  /** For {@link java.net.http.HttpClient}: trusts only the test CA, maybe with the client cert. */
  public SSLContext clientContext(boolean withClientCert) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(withClientCert ? clientKeyManagers() : null, trustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build the test client SSLContext", e);
    }
  }

  /** For a test HTTPS server ({@code HttpsServer}): presents the server certificate. */
  public SSLContext serverContext() {
    try {
      char[] password = "test".toCharArray();
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry("server", serverKey, password,
          new X509Certificate[] {serverCert, caCert});
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keys, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), null, null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot build the test server SSLContext", e);
    }
  }

  /** Trust managers that accept exactly the certificates this CA signed. */
  public TrustManager[] trustManagers() {
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("ca", caCert);
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      return tmf.getTrustManagers();
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot build test trust managers", e);
    }
  }

  /** Key managers that present the client certificate. */
  public KeyManager[] clientKeyManagers() {
    try {
      char[] password = "test".toCharArray();
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry("client", clientKey, password, new X509Certificate[] {clientCert});
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keys, password);
      return kmf.getKeyManagers();
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot build test key managers", e);
    }
  }

  /** A self-signed leaf certificate for {@code keys} (RSA or EC), e.g. to test key formats. */
  public static X509Certificate selfSigned(KeyPair keys) {
    try {
      X500Name name = new X500Name("CN=localhost");
      Instant now = Instant.now();
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
          BigInteger.ONE, Date.from(now.minus(Duration.ofHours(1))),
          Date.from(now.plus(Duration.ofDays(1))), name, keys.getPublic());
      String algorithm = keys.getPrivate().getAlgorithm().equals("RSA")
          ? "SHA256withRSA" : "SHA256withECDSA";
      return new JcaX509CertificateConverter().getCertificate(
          builder.build(new JcaContentSignerBuilder(algorithm).build(keys.getPrivate())));
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("cannot create a self-signed certificate", e);
    }
  }

  /** PEM text of a certificate ("CERTIFICATE" block). */
  public static String pem(X509Certificate cert) throws IOException {
    return pemObject(cert);
  }

  /** PEM text of a private key as PKCS#8 ("PRIVATE KEY" block). */
  public static String pkcs8(PrivateKey key) throws IOException {
    return pemObject(new JcaPKCS8Generator(key, null));
  }

  /**
   * PEM text of a private key in OpenSSL's traditional form: PKCS#1 "RSA PRIVATE KEY" or SEC1
   * "EC PRIVATE KEY" naming its curve, as {@code openssl ec} writes it.
   */
  public static String traditional(PrivateKey key) throws IOException {
    if (!key.getAlgorithm().equals("EC")) {
      return pemObject(key);
    }
    // BouncyCastle's writer drops the curve of a JDK key; OpenSSL always writes it.
    PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
    ECPrivateKey inner = ECPrivateKey.getInstance(info.parsePrivateKey());
    int bits = ((java.security.interfaces.ECPrivateKey) key).getParams().getOrder().bitLength();
    ECPrivateKey sec1 = new ECPrivateKey(bits, inner.getKey(), inner.getPublicKey(),
        info.getPrivateKeyAlgorithm().getParameters());
    return pemObject(new PemObject("EC PRIVATE KEY", sec1.getEncoded()));
  }

  private static String pemObject(Object o) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(o);
    }
    return out.toString();
  }

  private static KeyPair newKeyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  private static X509Certificate sign(X500Name issuer, KeyPair issuerKeys, X500Name subject,
      PublicKey subjectKey, boolean ca, KeyPurposeId purpose, GeneralNames sans)
      throws GeneralSecurityException, OperatorCreationException, IOException {
    Instant now = Instant.now();
    X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
        new BigInteger(64, RANDOM).add(BigInteger.ONE), Date.from(now.minus(Duration.ofHours(1))),
        Date.from(now.plus(Duration.ofDays(1))), subject, subjectKey);
    JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
    builder.addExtension(Extension.subjectKeyIdentifier, false,
        utils.createSubjectKeyIdentifier(subjectKey));
    builder.addExtension(Extension.authorityKeyIdentifier, false,
        utils.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
    if (ca) {
      builder.addExtension(Extension.keyUsage, true,
          new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
    } else {
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
      builder.addExtension(Extension.subjectAlternativeName, false, sans);
    }
    return new JcaX509CertificateConverter().getCertificate(
        builder.build(new JcaContentSignerBuilder("SHA256withECDSA")
            .build(issuerKeys.getPrivate())));
  }

  private static GeneralName generalName(String san) {
    if (san.contains("://")) {
      return new GeneralName(GeneralName.uniformResourceIdentifier, san);
    }
    if (san.contains("@")) {
      return new GeneralName(GeneralName.rfc822Name, san);
    }
    if (isIpLiteral(san)) {
      return new GeneralName(GeneralName.iPAddress, san);
    }
    return new GeneralName(GeneralName.dNSName, san);
  }

  private static boolean isIpLiteral(String s) {
    return s.matches("\\d{1,3}(\\.\\d{1,3}){3}") || s.matches("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
  }

  private static Path write(Path file, String text) throws IOException {
    return Files.writeString(file, text, StandardCharsets.US_ASCII);
  }
}
