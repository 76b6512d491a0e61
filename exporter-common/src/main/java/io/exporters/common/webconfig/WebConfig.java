package io.exporters.common.webconfig;

import io.exporters.common.config.ConfigException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed and checked exporter-toolkit web config file ({@code --web.config.file}): TLS, basic
 * auth users, extra response headers and a rate limit. Immutable; a changed file is a new
 * instance (see {@link WebConfigWatcher}).
 */
public final class WebConfig {
  private static final WebConfig EMPTY = new WebConfig(Optional.empty(), Map.of(),
      BasicAuth.disabled(), Optional.empty(), Map.of());

  private final Optional<TlsSettings> tls;
  private final Map<String, String> headers;
  private final BasicAuth basicAuth;
  private final Optional<RateLimiter> rateLimiter;
  private final Map<String, Object> view;

  WebConfig(Optional<TlsSettings> tls, Map<String, String> headers, BasicAuth basicAuth,
      Optional<RateLimiter> rateLimiter, Map<String, Object> view) {
    this.tls = tls;
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    this.basicAuth = basicAuth;
    this.rateLimiter = rateLimiter;
    this.view = freeze(view);
  }

  /** No TLS, no basic auth, no extra headers, no rate limit: what runs without the flag. */
  public static WebConfig empty() {
    return EMPTY;
  }

  /** Reads and checks {@code file}, including the certificate and key files it names. */
  public static WebConfig load(Path file) throws ConfigException {
    return WebConfigParser.parse(file);
  }

  public Optional<TlsSettings> tls() {
    return tls;
  }

  /** Extra response headers, to be set on every response. */
  public Map<String, String> headers() {
    return headers;
  }

  public BasicAuth basicAuth() {
    return basicAuth;
  }

  /** One limiter per loaded file: its bucket is shared by every request. */
  public Optional<RateLimiter> rateLimiter() {
    return rateLimiter;
  }

  /**
   * The effective settings as nested maps with the file's key names, for display: file paths
   * are shown, inline keys and password hashes are {@link io.exporters.common.secret.Secret}s,
   * written as {@code <secret>} by {@link io.exporters.common.config.Redaction}.
   */
  public Map<String, Object> view() {
    return view;
  }

  @SuppressWarnings("unchecked")
  private static <T> T freeze(T value) {
    if (value instanceof Map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      ((Map<?, ?>) value).forEach((k, v) -> copy.put(k, freeze(v)));
      return (T) Collections.unmodifiableMap(copy);
    }
    if (value instanceof List) {
      return (T) List.copyOf((List<?>) value);
    }
    return value;
  }
}
