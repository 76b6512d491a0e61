package io.exporters.scraper.modules;

import io.exporters.common.backend.HttpApi;
import io.exporters.common.secret.Secret;
import io.exporters.scraper.config.AuthorizationConfig;
import io.exporters.scraper.config.BasicAuthConfig;
import io.exporters.scraper.config.HeaderMatch;
import io.exporters.scraper.config.HttpConfig;
import io.exporters.scraper.http.HeaderRule;
import io.exporters.scraper.http.HttpModule;
import io.exporters.scraper.net.IpProtocol;
import io.exporters.scraper.tls.TlsClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import okhttp3.CertificatePinner;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Headers;
import okhttp3.Protocol;
import okhttp3.TlsVersion;

/**
 * Compiles an {@code http:} block with blackbox's defaults: 2xx, GET, redirects followed (10 at
 * most), HTTP/2 offered, ip6 preferred with fallback; plus our 10 MiB body limit. Errors name
 * the key relative to the block.
 */
final class HttpModuleCompiler {
  /** No keep-alive, as blackbox: every probe measures its own connect and TLS handshake. */
  private static final ConnectionPool NO_REUSE = new ConnectionPool(0, 1, TimeUnit.SECONDS);
  private static final Set<String> VERSIONS =
      Set.of("HTTP/1.0", "HTTP/1.1", "HTTP/2.0", "HTTP/3.0");

  private HttpModuleCompiler() {}

  static HttpModule compile(HttpConfig given, long defaultBodyLimit, boolean allowLinkLocal) {
    HttpConfig c = given == null ? HttpConfig.DEFAULT : given;
    TlsClient tls = KeyError.at("tls_config", () -> TlsClient.of(c.tlsConfig()));
    String method = c.method() == null ? "GET" : c.method().trim().toUpperCase(Locale.ROOT);
    if (!method.matches("[A-Z]{1,20}")) {
      throw new KeyError("method", "'" + c.method() + "' is not an HTTP method");
    }
    Map<String, String> headers = headers(c.headers());
    byte[] body = body(c, method);
    String compression = compression(c.compression(), headers);
    boolean http2 = c.enableHttp2() == null || c.enableHttp2();
    if (Boolean.TRUE.equals(c.enableHttp3())) {
      throw new KeyError("enable_http3", "HTTP/3 is not supported");
    }
    int maxRedirects = c.maxRedirects() == null ? 10 : c.maxRedirects();
    if (maxRedirects < 0 || maxRedirects > 50) {
      throw new KeyError("max_redirects", "must be between 0 and 50");
    }
    long limit = c.bodySizeLimit() == null || c.bodySizeLimit().bytes() == 0 ? defaultBodyLimit
        : c.bodySizeLimit().bytes();
    boolean follow = c.followRedirects() == null ? !Boolean.TRUE.equals(c.noFollowRedirects())
        : c.followRedirects();
    return new HttpModule(client(tls, http2), tls, method, headers, body, authorization(c),
        Set.copyOf(c.validStatusCodes() == null ? List.of() : c.validStatusCodes()),
        versions(c.validHttpVersions()), follow, maxRedirects,
        Boolean.TRUE.equals(c.failIfSsl()), Boolean.TRUE.equals(c.failIfNotSsl()),
        patterns("fail_if_body_matches_regexp", c.failIfBodyMatchesRegexp()),
        patterns("fail_if_body_not_matches_regexp", c.failIfBodyNotMatchesRegexp()),
        rules("fail_if_header_matches", c.failIfHeaderMatches()),
        rules("fail_if_header_not_matches", c.failIfHeaderNotMatches()),
        compression, limit,
        KeyError.at("preferred_ip_protocol", () -> IpProtocol.parse(c.preferredIpProtocol())),
        c.ipProtocolFallback() == null || c.ipProtocolFallback(), allowLinkLocal);
  }

  /** Derived from the core's client: its dispatcher and threads, none of its connections. */
  private static HttpApi client(TlsClient tls, boolean http2) {
    List<TlsVersion> versions = new ArrayList<>();
    for (String p : tls.protocols()) {
      versions.add(TlsVersion.forJavaName(p));
    }
    ConnectionSpec spec = new ConnectionSpec.Builder(ConnectionSpec.MODERN_TLS)
        .tlsVersions(versions.toArray(TlsVersion[]::new)).build();
    return HttpApi.shared().with(b -> b.connectionPool(NO_REUSE).followRedirects(false)
        .followSslRedirects(false).retryOnConnectionFailure(false).fastFallback(false)
        .proxy(java.net.Proxy.NO_PROXY)
        .protocols(http2 ? List.of(Protocol.HTTP_2, Protocol.HTTP_1_1)
            : List.of(Protocol.HTTP_1_1)))
        // Set up by the module's first https probe: the trust store stays unread until then.
        .withTls(b -> {
          b.sslSocketFactory(tls.socketFactory(), tls.trustManager())
              // A pinner of its own, holding this trust manager's chain cleaner: one inherited
              // from the core's client holds another, and every per-probe client would compare
              // the two root by root (150 certificates) when it is built.
              .certificatePinner(CertificatePinner.DEFAULT)
              .connectionSpecs(List.of(spec, ConnectionSpec.CLEARTEXT));
          if (tls.insecure()) {
            b.hostnameVerifier((host, session) -> true);
          }
        });
  }

  private static Map<String, String> headers(Map<String, String> given) {
    Map<String, String> out = new LinkedHashMap<>(given == null ? Map.of() : given);
    Headers.Builder check = new Headers.Builder();
    for (Map.Entry<String, String> h : out.entrySet()) {
      if (h.getValue() == null) {
        throw new KeyError("headers." + h.getKey(), "missing value");
      }
      try {
        check.add(h.getKey(), h.getValue());
      } catch (IllegalArgumentException e) {
        throw new KeyError("headers." + h.getKey(), "not a valid header name and value");
      }
    }
    Secrets.registerSensitiveHeaders(out);
    return out;
  }

  private static byte[] body(HttpConfig c, String method) {
    if (c.body() != null && c.bodyFile() != null) {
      throw new KeyError("body_file", "body and body_file cannot both be set");
    }
    byte[] body = null;
    if (c.body() != null) {
      body = c.body().getBytes(StandardCharsets.UTF_8);
    } else if (c.bodyFile() != null) {
      try {
        body = java.nio.file.Files.readAllBytes(java.nio.file.Path.of(c.bodyFile()));
      } catch (java.io.IOException e) {
        throw new KeyError("body_file", "cannot read " + c.bodyFile());
      }
    }
    if (body != null && (method.equals("GET") || method.equals("HEAD"))) {
      throw new KeyError("body", "a request body needs a method such as POST, not " + method);
    }
    return body;
  }

  private static String compression(String given, Map<String, String> headers) {
    String c = given == null ? "" : given.trim().toLowerCase(Locale.ROOT);
    if (c.equals("br")) {
      throw new KeyError("compression", "br is not supported (gzip, deflate or identity)");
    }
    if (!Set.of("", "gzip", "deflate", "identity").contains(c)) {
      throw new KeyError("compression", "expected gzip, deflate or identity, got '" + given + "'");
    }
    for (Map.Entry<String, String> h : headers.entrySet()) {
      if (h.getKey().equalsIgnoreCase("Accept-Encoding") && !c.isEmpty()
          && !h.getValue().toLowerCase(Locale.ROOT).contains(c)) {
        throw new KeyError("compression", "the Accept-Encoding header asks for something else");
      }
    }
    return c;
  }

  private static Secret authorization(HttpConfig c) {
    List<Secret> given = new ArrayList<>();
    BasicAuthConfig basic = c.basicAuth();
    if (basic != null) {
      Secret password = basic.passwordFile() != null
          ? Secrets.fromFile("basic_auth.password_file", basic.passwordFile())
          : basic.password() == null ? Secret.of("") : basic.password();
      String pair = (basic.username() == null ? "" : basic.username()) + ":" + password.reveal();
      given.add(Secret.of("Basic " + Base64.getEncoder()
          .encodeToString(pair.getBytes(StandardCharsets.UTF_8))));
    }
    if (c.bearerToken() != null || c.bearerTokenFile() != null) {
      Secret token = c.bearerTokenFile() != null
          ? Secrets.fromFile("bearer_token_file", c.bearerTokenFile()) : c.bearerToken();
      given.add(Secret.of("Bearer " + token.reveal()));
    }
    AuthorizationConfig auth = c.authorization();
    if (auth != null) {
      Secret credentials = auth.credentialsFile() != null
          ? Secrets.fromFile("authorization.credentials_file", auth.credentialsFile())
          : auth.credentials() == null ? Secret.of("") : auth.credentials();
      String type = auth.type() == null || auth.type().isEmpty() ? "Bearer" : auth.type();
      given.add(Secret.of(type + " " + credentials.reveal()));
    }
    if (given.size() > 1) {
      throw new KeyError("basic_auth", "at most one of basic_auth, bearer_token and "
          + "authorization may be set");
    }
    return given.isEmpty() ? null : given.get(0);
  }

  private static Set<String> versions(List<String> given) {
    Set<String> out = new LinkedHashSet<>();
    for (String v : given == null ? List.<String>of() : given) {
      String norm = v.trim().toUpperCase(Locale.ROOT).replaceAll("^(HTTP/\\d)$", "$1.0");
      if (!VERSIONS.contains(norm)) {
        throw new KeyError("valid_http_versions", "unknown HTTP version '" + v + "'");
      }
      out.add(norm);
    }
    return out;
  }

  private static List<Pattern> patterns(String key, List<String> given) {
    List<Pattern> out = new ArrayList<>();
    for (int i = 0; given != null && i < given.size(); i++) {
      out.add(KeyError.regex(key + "[" + i + "]", given.get(i)));
    }
    return out;
  }

  private static List<HeaderRule> rules(String key, List<HeaderMatch> given) {
    List<HeaderRule> out = new ArrayList<>();
    for (int i = 0; given != null && i < given.size(); i++) {
      HeaderMatch m = given.get(i);
      if (m.header() == null || m.header().isEmpty()) {
        throw new KeyError(key + "[" + i + "].header", "missing");
      }
      out.add(new HeaderRule(m.header(), KeyError.regex(key + "[" + i + "].regexp", m.regexp()),
          Boolean.TRUE.equals(m.allowMissing())));
    }
    return out;
  }
}
