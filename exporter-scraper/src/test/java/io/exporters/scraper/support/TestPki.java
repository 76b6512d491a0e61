package io.exporters.scraper.support;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away PKI for probe tests, with the validity each test needs: roots, intermediates and
 * server certificates (expiring in 5 days, say), as objects, PEM files and server contexts.
 * EC P-256 keys keep generation fast.
 */
public final class TestPki {
  private static final SecureRandom RANDOM = new SecureRandom();

  private TestPki() {}

  /** A certificate with its key and the chain above it (issuers, root excluded). */
  public record Issued(X509Certificate cert, PrivateKey key, List<X509Certificate> issuers) {
    /** NotAfter in unix seconds. */
    public long expiry() {
      return cert.getNotAfter().getTime() / 1000;
    }

    /** What a server sends: this certificate, then its intermediates. */
    public List<X509Certificate> chain() {
      List<X509Certificate> out = new ArrayList<>();
      out.add(cert);
      out.addAll(issuers);
      return out;
    }
  }

  public static Issued root(String commonName, Duration validity) {
    KeyPair keys = keys();
    X500Name name = new X500Name("CN=" + commonName);
    return new Issued(sign(name, keys.getPrivate(), name, keys, validity, true, null),
        keys.getPrivate(), List.of());
  }

  public static Issued intermediate(Issued ca, String commonName, Duration validity) {
    KeyPair keys = keys();
    X509Certificate cert = sign(X500Name.getInstance(ca.cert().getSubjectX500Principal()
        .getEncoded()), ca.key(), new X500Name("CN=" + commonName), keys, validity, true, null);
    List<X509Certificate> issuers = new ArrayList<>();
    if (!ca.cert().getSubjectX500Principal().equals(ca.cert().getIssuerX500Principal())) {
      issuers.add(ca.cert());
    }
    issuers.addAll(ca.issuers());
    return new Issued(cert, keys.getPrivate(), issuers);
  }

  /** A server certificate for {@code localhost} and 127.0.0.1 (and any {@code extraNames}). */
  public static Issued server(Issued ca, String subject, Duration validity,
      String... extraNames) {
    KeyPair keys = keys();
    List<GeneralName> sans = new ArrayList<>(List.of(
        new GeneralName(GeneralName.dNSName, "localhost"),
        new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
    for (String n : extraNames) {
      sans.add(new GeneralName(GeneralName.dNSName, n));
    }
    X509Certificate cert = sign(X500Name.getInstance(ca.cert().getSubjectX500Principal()
            .getEncoded()), ca.key(), new X500Name(subject), keys, validity, false,
        new GeneralNames(sans.toArray(GeneralName[]::new)));
    List<X509Certificate> issuers = new ArrayList<>();
    if (!ca.cert().getSubjectX500Principal().equals(ca.cert().getIssuerX500Principal())) {
      issuers.add(ca.cert());
    }
    issuers.addAll(ca.issuers());
    return new Issued(cert, keys.getPrivate(), issuers);
  }

  /** The server side of a TLS test server presenting {@code leaf} and its intermediates. */
  public static SSLContext serverContext(Issued leaf) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      char[] password = "test".toCharArray();
      store.setKeyEntry("server", leaf.key(), password,
          leaf.chain().toArray(X509Certificate[]::new));
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(store, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build a server TLS context", e);
    }
  }

  /** Writes certificates as one PEM file. */
  public static Path pem(Path file, X509Certificate... certs) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      for (X509Certificate c : certs) {
        writer.writeObject(c);
      }
    }
    return Files.writeString(file, out.toString());
  }

  /** Writes a private key as PKCS#8 PEM. */
  public static Path pem(Path file, PrivateKey key) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(new JcaPKCS8Generator(key, null));
    }
    return Files.writeString(file, out.toString());
  }

  private static KeyPair keys() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static X509Certificate sign(X500Name issuer, PrivateKey issuerKey, X500Name subject,
      KeyPair keys, Duration validity, boolean ca, GeneralNames sans) {
    try {
      Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer,
          new BigInteger(63, RANDOM).add(BigInteger.ONE),
          Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(validity)), subject,
          keys.getPublic());
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
      b.addExtension(Extension.subjectKeyIdentifier, false,
          utils.createSubjectKeyIdentifier(keys.getPublic()));
      b.addExtension(Extension.keyUsage, true, new KeyUsage(ca
          ? KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature
          : KeyUsage.digitalSignature));
      if (sans != null) {
        b.addExtension(Extension.subjectAlternativeName, false, sans);
      }
      return new JcaX509CertificateConverter().getCertificate(
          b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
    } catch (Exception e) {
      throw new IllegalStateException("cannot sign a test certificate", e);
    }
  }
}
