package io.exporters.scraper.http;

import io.exporters.common.secret.Secret;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The request of one hop: the module's method, headers, body and credentials, the name used for
 * TLS (SNI and certificate check) and the Host header, and a DNS answer pinned to the address
 * the prober resolved and checked, so OkHttp connects nowhere else.
 */
final class HopRequest {
  static final String USER_AGENT = "exporter-scraper (blackbox_exporter compatible)";

  private HopRequest() {}

  /**
   * {@code hostHeader}: the Host to send (null: the URL's); {@code tlsName}: the name TLS checks
   * (null: the URL's host); {@code sendCredentials}: false once redirected to another host,
   * which then gets neither the module's credentials nor its sensitive headers.
   */
  static Request build(HttpModule m, URI uri, String method, byte[] body, String hostHeader,
      String tlsName, boolean sendCredentials) {
    HttpUrl parsed = HttpUrl.get(uri);
    HttpUrl.Builder url = parsed.newBuilder().username("").password("");
    boolean tlsRenamed = parsed.isHttps() && tlsName != null
        && !tlsName.equalsIgnoreCase(parsed.host());
    if (tlsRenamed) {
      url.host(tlsName);
    }
    Request.Builder b = new Request.Builder().url(url.build());
    for (Map.Entry<String, String> h : m.headers().entrySet()) {
      // The module's Host comes in as hostHeader, for the first hop only (as Go's req.Host).
      boolean host = h.getKey().equalsIgnoreCase("Host");
      if (!host && (sendCredentials || !SensitiveHeaders.isSensitive(h.getKey()))) {
        b.header(h.getKey(), h.getValue());
      }
    }
    if (hostHeader != null) {
      b.header("Host", hostHeader);
    } else if (tlsRenamed) {
      b.header("Host", authority(parsed));
    }
    if (!has(m, "User-Agent")) {
      b.header("User-Agent", USER_AGENT);
    }
    if (!has(m, "Accept-Encoding")) {
      // Set explicitly, else OkHttp asks for gzip and unzips behind the prober's back.
      b.header("Accept-Encoding", m.compression().isEmpty() ? "identity" : m.compression());
    }
    if (sendCredentials && !has(m, "Authorization")) {
      Secret credentials = m.authorization() != null ? m.authorization() : fromUserInfo(uri);
      if (credentials != null) {
        b.header("Authorization", credentials.reveal());
      }
    }
    RequestBody requestBody = body == null ? null : RequestBody.create(body, null);
    if (requestBody == null && requiresBody(method)) {
      requestBody = RequestBody.create(new byte[0], null);
    }
    return b.method(method, requestBody).build();
  }

  /** Resolves {@code host} (the URL's, possibly renamed for TLS) to {@code address} only. */
  static Dns pinned(String host, InetAddress address) {
    return name -> {
      if (!name.equalsIgnoreCase(host)) {
        throw new UnknownHostException(name + " was not resolved by the prober");
      }
      return List.of(address);
    };
  }

  /** Go sends a URL's user:password as basic auth; so do we, and show it nowhere. */
  private static Secret fromUserInfo(URI uri) {
    String info = uri.getRawUserInfo();
    if (info == null) {
      return null;
    }
    String decoded = java.net.URLDecoder.decode(info.replace("+", "%2B"), StandardCharsets.UTF_8);
    return Secret.of("Basic " + Base64.getEncoder()
        .encodeToString(decoded.getBytes(StandardCharsets.UTF_8)));
  }

  private static boolean requiresBody(String method) {
    return List.of("POST", "PUT", "PATCH", "PROPPATCH", "REPORT").contains(method);
  }

  private static boolean has(HttpModule m, String header) {
    return m.headers().keySet().stream().anyMatch(k -> k.equalsIgnoreCase(header));
  }

  private static String authority(HttpUrl url) {
    String host = url.host().contains(":") ? "[" + url.host() + "]" : url.host();
    return url.port() == HttpUrl.defaultPort(url.scheme()) ? host : host + ":" + url.port();
  }
}
