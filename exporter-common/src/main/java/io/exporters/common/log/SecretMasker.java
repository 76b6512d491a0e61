package io.exporters.common.log;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Process-wide list of secret values (passwords, tokens) that must not appear in any output.
 * Log layouts and error messages pass their text through {@link #mask(String)}.
 */
public final class SecretMasker {
  public static final String MASK = "<secret>";
  // Shorter values would mask ordinary words and numbers in unrelated messages.
  private static final int MIN_LENGTH = 3;
  private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

  private SecretMasker() {}

  public static void register(String secret) {
    if (secret != null && secret.length() >= MIN_LENGTH) {
      SECRETS.add(secret);
    }
  }

  public static String mask(String text) {
    if (text == null || SECRETS.isEmpty()) {
      return text;
    }
    String out = text;
    for (String secret : SECRETS) {
      if (out.contains(secret)) {
        out = out.replace(secret, MASK);
      }
    }
    return out;
  }
}
