package io.exporters.common.webconfig;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.util.io.pem.PemHeader;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/**
 * Reads PEM certificates and unencrypted private keys the way Go's {@code tls.X509KeyPair} does:
 * blocks of other types are skipped. Problems are {@link IllegalArgumentException}s whose message
 * never contains key material.
 */
final class Pem {
  private Pem() {}

  /** Every CERTIFICATE block, in file order; at least one. */
  static List<X509Certificate> certificates(String text) {
    List<X509Certificate> out = new ArrayList<>();
    CertificateFactory factory;
    try {
      factory = CertificateFactory.getInstance("X.509");
    } catch (CertificateException e) {
      throw new IllegalStateException("no X.509 support in this JVM", e);
    }
    for (PemObject block : blocks(text)) {
      if (block.getType().equals("CERTIFICATE")) {
        try {
          out.add((X509Certificate) factory.generateCertificate(
              new ByteArrayInputStream(block.getContent())));
        } catch (CertificateException e) {
          throw new IllegalArgumentException("invalid certificate #" + (out.size() + 1) + ": "
              + e.getMessage());
        }
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("no PEM CERTIFICATE block found");
    }
    return out;
  }

  /** The first private key block: PKCS#8, PKCS#1 (RSA) or SEC1 (EC). */
  static PrivateKey privateKey(String text) {
    for (PemObject block : blocks(text)) {
      String type = block.getType();
      if (type.equals("ENCRYPTED PRIVATE KEY") || isEncrypted(block)) {
        throw new IllegalArgumentException(
            "encrypted private keys are not supported; decrypt it first (openssl pkey)");
      }
      if (!type.equals("PRIVATE KEY") && !type.equals("RSA PRIVATE KEY")
          && !type.equals("EC PRIVATE KEY")) {
        continue;
      }
      PrivateKeyInfo info;
      try {
        info = keyInfo(type, block.getContent());
      } catch (IOException | RuntimeException e) {
        // The cause's text may quote bytes of the key, so only the block type is reported.
        throw new IllegalArgumentException("cannot decode the " + type + " block");
      }
      if (info == null) {
        throw new IllegalArgumentException("the EC PRIVATE KEY block names no curve "
            + "(re-export it with openssl ec, which always writes one)");
      }
      try {
        return new JcaPEMKeyConverter().getPrivateKey(info);
      } catch (IOException | RuntimeException e) {
        throw new IllegalArgumentException("cannot decode the " + type + " block");
      }
    }
    throw new IllegalArgumentException("no PEM private key block found (expected PRIVATE KEY, "
        + "RSA PRIVATE KEY or EC PRIVATE KEY)");
  }

  /** PKCS#8 form of a key block; null for a SEC1 key that does not name its curve. */
  private static PrivateKeyInfo keyInfo(String type, byte[] der) throws IOException {
    switch (type) {
      case "RSA PRIVATE KEY":
        return new PrivateKeyInfo(
            new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
            RSAPrivateKey.getInstance(der));
      case "EC PRIVATE KEY":
        ECPrivateKey ec = ECPrivateKey.getInstance(der);
        ASN1Object curve = ec.getParametersObject();
        if (curve == null) {
          return null;
        }
        return new PrivateKeyInfo(
            new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curve), ec);
      default:
        return PrivateKeyInfo.getInstance(der);
    }
  }

  /** Whether {@code key} is the private half of {@code cert}'s public key. */
  static boolean matches(PrivateKey key, X509Certificate cert) {
    PublicKey pub = cert.getPublicKey();
    String algorithm;
    switch (key.getAlgorithm()) {
      case "RSA":
        algorithm = "SHA256withRSA";
        break;
      case "EC":
        algorithm = "SHA256withECDSA";
        break;
      case "EdDSA":
      case "Ed25519":
        algorithm = "Ed25519";
        break;
      default:
        throw new IllegalArgumentException("unsupported private key type " + key.getAlgorithm()
            + " (use RSA, ECDSA or Ed25519)");
    }
    try {
      byte[] probe = new byte[32];
      new SecureRandom().nextBytes(probe);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(pub);
      verifier.update(probe);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static boolean isEncrypted(PemObject block) {
    for (Object h : block.getHeaders()) {
      PemHeader header = (PemHeader) h;
      if (header.getName().equals("Proc-Type") && header.getValue().contains("ENCRYPTED")) {
        return true;
      }
    }
    return false;
  }

  private static List<PemObject> blocks(String text) {
    List<PemObject> out = new ArrayList<>();
    try (PemReader reader = new PemReader(new StringReader(text))) {
      PemObject block;
      while ((block = reader.readPemObject()) != null) {
        out.add(block);
      }
    } catch (IOException | RuntimeException e) {
      // Bad base64 inside a block; its text could be key material, so it is not quoted.
      throw new IllegalArgumentException("malformed PEM data");
    }
    return out;
  }
}
