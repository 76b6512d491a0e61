package io.exporters.common.webconfig;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.fasterxml.jackson.databind.JsonNode;
import io.exporters.common.config.ConfigException;
import io.exporters.common.config.GoDuration;
import io.exporters.common.config.YamlBinding;
import io.exporters.common.secret.Secret;
import io.exporters.common.secret.SecretMasker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a web config file into a {@link WebConfig} through the shared {@link YamlBinding}, then
 * checks what binding cannot (headers, bcrypt hashes, the rate limit, TLS files); every problem is
 * a {@link ConfigException} naming the file and the key.
 */
final class WebConfigParser {
  /**
   * The only response headers exporter-toolkit lets the file set, with the values it accepts
   * (empty: any value).
   */
  private static final Map<String, List<String>> HEADERS = Map.of(
      "Strict-Transport-Security", List.of(),
      "X-Content-Type-Options", List.of("nosniff"),
      "X-Frame-Options", List.of("deny", "sameorigin"),
      "X-XSS-Protection", List.of(),
      "Content-Security-Policy", List.of());

  private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$(\\d\\d)\\$[./A-Za-z0-9]{53}");

  private final WebConfigErrors errors;

  private WebConfigParser(Path file) {
    this.errors = new WebConfigErrors(file);
  }

  static WebConfig parse(Path file) throws ConfigException {
    return new WebConfigParser(file).parse();
  }

  private WebConfig parse() throws ConfigException {
    JsonNode tree = readTree();
    WebConfigFile raw = bind(tree);
    Map<String, Object> view = new LinkedHashMap<>();

    Optional<TlsSettings> tls = new TlsSettingsReader(errors).read(raw.tlsServerConfig());
    tls.ifPresent(t -> view.put("tls_server_config", t.view()));

    WebConfigFile.HttpServerConfig http = raw.httpServerConfig();
    boolean http2 = http == null || http.http2() == null || http.http2();
    Map<String, String> headers = headers(http == null ? null : http.headers());
    Map<String, Object> httpView = new LinkedHashMap<>();
    httpView.put("http2", http2);
    if (!headers.isEmpty()) {
      httpView.put("headers", headers);
    }
    view.put("http_server_config", httpView);

    Map<String, String> users = users(raw.basicAuthUsers());
    if (!users.isEmpty()) {
      Map<String, Object> usersView = new LinkedHashMap<>();
      users.forEach((u, hash) -> usersView.put(u, Secret.of(hash)));
      view.put("basic_auth_users", usersView);
    }

    Optional<RateLimiter> limiter = rateLimiter(raw.rateLimit(), view);
    return new WebConfig(tls, headers, new BasicAuth(users), limiter, view);
  }

  private JsonNode readTree() throws ConfigException {
    return YamlBinding.read(errors.file(), "web config file");
  }

  private WebConfigFile bind(JsonNode tree) throws ConfigException {
    return YamlBinding.bind(tree, WebConfigFile.class, key -> "web config file " + errors.file(),
        Set.of());
  }

  private Map<String, String> headers(Map<String, String> configured) throws ConfigException {
    Map<String, String> out = new LinkedHashMap<>();
    if (configured == null) {
      return out;
    }
    for (Map.Entry<String, String> e : configured.entrySet()) {
      String key = "http_server_config.headers." + e.getKey();
      List<String> allowed = HEADERS.get(e.getKey());
      if (allowed == null) {
        throw errors.atKey(key, "header '" + e.getKey() + "' can not be configured (allowed: "
            + String.join(", ", new TreeSet<>(HEADERS.keySet())) + ")");
      }
      String value = e.getValue();
      if (value == null || value.isEmpty()) {
        continue; // exporter-toolkit: "Unset if blank".
      }
      if (!allowed.isEmpty() && !allowed.contains(value)) {
        throw errors.atKey(key, "invalid value '" + value + "' (use "
            + String.join(" or ", allowed) + ")");
      }
      out.put(e.getKey(), value);
    }
    return out;
  }

  private Map<String, String> users(Map<String, String> configured) throws ConfigException {
    Map<String, String> out = new LinkedHashMap<>();
    if (configured == null) {
      return out;
    }
    for (Map.Entry<String, String> e : configured.entrySet()) {
      String hash = e.getValue();
      if (hash != null) {
        SecretMasker.register(hash);
      }
      Matcher m = hash == null ? null : BCRYPT.matcher(hash);
      if (m == null || !m.matches()) {
        throw errors.atKey("basic_auth_users." + e.getKey(), "not a bcrypt hash (expected $2a$, "
            + "$2b$ or $2y$, a two-digit cost and 53 more characters, e.g. from "
            + "htpasswd -nBC 10 \"\")");
      }
      int cost = Integer.parseInt(m.group(1));
      if (cost < BCrypt.MIN_COST || cost > BCrypt.MAX_COST) {
        throw errors.atKey("basic_auth_users." + e.getKey(), "bcrypt cost " + cost
            + " is outside " + BCrypt.MIN_COST + ".." + BCrypt.MAX_COST);
      }
      out.put(e.getKey(), hash);
    }
    return out;
  }

  private Optional<RateLimiter> rateLimiter(WebConfigFile.RateLimit limit, Map<String, Object> view)
      throws ConfigException {
    if (limit == null || limit.interval() == null || limit.interval().isBlank()) {
      return Optional.empty();
    }
    Duration interval;
    try {
      interval = GoDuration.parse(limit.interval());
    } catch (IllegalArgumentException e) {
      throw errors.atKey("rate_limit.interval", e.getMessage());
    }
    if (interval.isZero()) {
      return Optional.empty(); // exporter-toolkit: 0 turns the limiter off.
    }
    if (limit.burst() == null || limit.burst() < 1) {
      throw errors.atKey("rate_limit.burst", "must be at least 1 when rate_limit.interval is set"
          + " (it is the number of requests allowed at once)");
    }
    Map<String, Object> limitView = new LinkedHashMap<>();
    limitView.put("interval", GoDuration.format(interval));
    limitView.put("burst", limit.burst());
    view.put("rate_limit", limitView);
    return Optional.of(new RateLimiter(interval, limit.burst()));
  }
}
