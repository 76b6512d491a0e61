package io.exporters.common.backend;

import io.exporters.common.secret.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Digests of credentials for target identities: HMAC-SHA256 under a key drawn at start, so a
 * digest tells two passwords apart without being usable to guess one offline.
 */
final class Credentials {
  private static final byte[] PROCESS_KEY = new SecureRandom().generateSeed(32);
  private static final String NONE = "-";

  private Credentials() {}

  static String digest(Secret password) {
    if (password == null) {
      return NONE;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(PROCESS_KEY, "HmacSHA256"));
      byte[] sum = mac.doFinal(password.reveal().getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().withoutPadding().encodeToString(sum);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }
}
