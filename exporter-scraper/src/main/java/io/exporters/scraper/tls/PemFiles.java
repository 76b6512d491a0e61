package io.exporters.scraper.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Reads the PEM files a tls_config names: certificates (ca_file, cert_file) and an unencrypted
 * private key in PKCS#8, PKCS#1 or SEC1 form (key_file). Errors name the file, never key bytes.
 */
final class PemFiles {
  private PemFiles() {}

  static List<X509Certificate> certificates(String file) {
    try (InputStream in = Files.newInputStream(Path.of(file))) {
      List<X509Certificate> out = new ArrayList<>();
      for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        out.add((X509Certificate) c);
      }
      if (out.isEmpty()) {
        throw new IllegalArgumentException("no PEM certificate in " + file);
      }
      return out;
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + reason(e));
    } catch (CertificateException e) {
      throw new IllegalArgumentException("invalid certificate in " + file);
    }
  }

  static PrivateKey privateKey(String file) {
    try (Reader in = Files.newBufferedReader(Path.of(file), StandardCharsets.US_ASCII);
        PEMParser parser = new PEMParser(in)) {
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      Object o;
      while ((o = parser.readObject()) != null) {
        if (o instanceof PEMKeyPair pair) {
          return converter.getKeyPair(pair).getPrivate();
        }
        if (o instanceof PrivateKeyInfo info) {
          return converter.getPrivateKey(info);
        }
      }
      throw new IllegalArgumentException("no unencrypted private key in " + file);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + reason(e));
    }
  }

  private static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    // PEM parsing errors quote content; say only what kind of problem it is.
    return e.getClass().getSimpleName();
  }
}
