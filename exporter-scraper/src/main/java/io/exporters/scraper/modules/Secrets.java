package io.exporters.scraper.modules;

import io.exporters.common.secret.Secret;
import io.exporters.common.secret.SecretMasker;
import io.exporters.scraper.http.SensitiveHeaders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Credentials a module sends, read once per load: inline values, or files (password_file,
 * bearer_token_file, credentials_file), each registered for masking; header values of headers
 * that carry credentials are registered too, so neither logs nor pages show them.
 */
final class Secrets {
  private Secrets() {}

  static Secret fromFile(String key, String file) {
    try {
      String value = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
      return Secret.configured(value);
    } catch (NoSuchFileException e) {
      throw new KeyError(key, "cannot read " + file + ": no such file");
    } catch (IOException e) {
      throw new KeyError(key, "cannot read " + file + ": " + e.getClass().getSimpleName());
    }
  }

  /** Masks the values of headers whose name says they carry a credential. */
  static void registerSensitiveHeaders(Map<String, String> headers) {
    for (Map.Entry<String, String> h : headers.entrySet()) {
      if (SensitiveHeaders.isSensitive(h.getKey())) {
        SecretMasker.register(h.getValue());
        int space = h.getValue().indexOf(' ');
        if (space > 0) {
          SecretMasker.register(h.getValue().substring(space + 1));
        }
      }
    }
  }
}
