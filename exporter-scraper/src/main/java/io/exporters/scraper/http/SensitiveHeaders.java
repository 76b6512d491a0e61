package io.exporters.scraper.http;

import java.util.Locale;

/**
 * Which request headers carry credentials: Go's list (Authorization, Cookie...) and any whose
 * name says token, key, secret or password. Their values are masked wherever text is shown, and
 * they are not sent to another host a redirect leads to.
 */
public final class SensitiveHeaders {
  private SensitiveHeaders() {}

  public static boolean isSensitive(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.contains("auth") || n.contains("cookie") || n.contains("token")
        || n.contains("key") || n.contains("secret") || n.contains("password");
  }
}
