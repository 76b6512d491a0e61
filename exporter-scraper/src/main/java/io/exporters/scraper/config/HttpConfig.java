package io.exporters.scraper.config;

import io.exporters.common.secret.Secret;
import java.util.List;
import java.util.Map;

/**
 * blackbox_exporter's {@code http:} prober options, same keys and defaults, plus
 * {@code max_redirects}; unset values are null and take their defaults when compiled.
 */
public record HttpConfig(
    List<Integer> validStatusCodes,
    List<String> validHttpVersions,
    String method,
    Map<String, String> headers,
    String body,
    String bodyFile,
    ByteSize bodySizeLimit,
    String compression,
    Boolean followRedirects,
    Boolean noFollowRedirects,
    Integer maxRedirects,
    Boolean failIfSsl,
    Boolean failIfNotSsl,
    List<String> failIfBodyMatchesRegexp,
    List<String> failIfBodyNotMatchesRegexp,
    List<HeaderMatch> failIfHeaderMatches,
    List<HeaderMatch> failIfHeaderNotMatches,
    TlsConfig tlsConfig,
    BasicAuthConfig basicAuth,
    Secret bearerToken,
    String bearerTokenFile,
    AuthorizationConfig authorization,
    String preferredIpProtocol,
    Boolean ipProtocolFallback,
    Boolean enableHttp2,
    Boolean enableHttp3) {

  public static final HttpConfig DEFAULT = new HttpConfig(null, null, null, null, null, null,
      null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
      null, null, null, null, null);
}
