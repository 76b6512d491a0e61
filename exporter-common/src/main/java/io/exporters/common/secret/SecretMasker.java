package io.exporters.common.secret;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of any text shown: log lines, error messages, the landing page. Masks by
 * structure (the password of a URI's user info, {@code password=} in key=value strings and query
 * strings, {@code Authorization} credentials) and by value for the secrets the operator
 * configured. Values reach the list only from configuration, never from a request, so a caller
 * can neither grow it nor make it blank out ordinary words.
 */
public final class SecretMasker {
  public static final String MASK = "<secret>";
  // Shorter values would mask ordinary words and numbers in unrelated messages.
  private static final int MIN_LENGTH = 3;
  private static final Set<String> CONFIGURED = ConcurrentHashMap.newKeySet();

  /** {@code scheme://user:password@}: the password, up to the last '@' before the host part. */
  private static final Pattern URI_USER_INFO =
      Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://[^\\s:/@]*:)[^/@\\n\"]*@");
  /** {@code password=value} in key=value strings and query strings, quoted or not. */
  private static final Pattern KEY_VALUE = Pattern.compile(
      "(?i)((?:^|[\\s?&;,{\"])(?:ssl)?(?:password|passwd|pwd|token|api_?key|secret)\"?\\s*[=:]\\s*)"
          + "('(?:[^'\\\\]|\\\\.)*'?|\"(?:[^\"\\\\]|\\\\.)*\"?|[^\\s&;,}\"]*)");
  /** HTTP credentials: {@code Authorization: Basic xyz}, {@code Bearer xyz}. */
  private static final Pattern AUTHORIZATION = Pattern.compile(
      "(?i)((?:proxy-)?authorization\"?\\s*[=:]\\s*\"?(?:basic|bearer|token|digest)?\\s*)[^\\s\",}]+"
          + "|(\\bbearer\\s+)[A-Za-z0-9._~+/=-]{8,}");

  private SecretMasker() {}

  /** A secret from configuration (a password file, an environment variable, a token). */
  public static void register(String secret) {
    if (secret != null && secret.length() >= MIN_LENGTH) {
      CONFIGURED.add(secret);
    }
  }

  /** How many configured secrets are masked by value (bounded by what the operator gave). */
  public static int configuredCount() {
    return CONFIGURED.size();
  }

  public static String mask(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    for (String secret : CONFIGURED) {
      if (out.contains(secret)) {
        out = out.replace(secret, MASK);
      }
    }
    if (out.indexOf('@') >= 0) {
      out = URI_USER_INFO.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "@");
    }
    out = replace(KEY_VALUE, out);
    out = AUTHORIZATION.matcher(out).replaceAll(m -> Matcher.quoteReplacement(
        (m.group(1) != null ? m.group(1) : m.group(2)) + MASK));
    return out;
  }

  private static String replace(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      return text;
    }
    // A quoted value keeps its quotes, so JSON and key=value text stay well-formed.
    return m.replaceAll(r -> {
      String value = r.group(2);
      String quote = !value.isEmpty() && (value.charAt(0) == '"' || value.charAt(0) == '\'')
          ? value.substring(0, 1) : "";
      return Matcher.quoteReplacement(r.group(1) + quote + MASK + quote);
    });
  }
}
