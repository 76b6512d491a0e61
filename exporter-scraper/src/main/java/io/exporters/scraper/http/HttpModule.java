package io.exporters.scraper.http;

import io.exporters.common.backend.HttpApi;
import io.exporters.common.secret.Secret;
import io.exporters.scraper.net.IpProtocol;
import io.exporters.scraper.tls.TlsClient;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One http module compiled from its configuration: the OkHttp client (TLS, protocols, no
 * connection reuse, redirects handled by the prober), the request to send and the checks that
 * decide success. {@code authorization} is the whole Authorization header value.
 */
public record HttpModule(
    HttpApi client,
    TlsClient tls,
    String method,
    Map<String, String> headers,
    byte[] body,
    Secret authorization,
    Set<Integer> validStatusCodes,
    Set<String> validHttpVersions,
    boolean followRedirects,
    int maxRedirects,
    boolean failIfSsl,
    boolean failIfNotSsl,
    List<Pattern> failIfBodyMatches,
    List<Pattern> failIfBodyNotMatches,
    List<HeaderRule> failIfHeaderMatches,
    List<HeaderRule> failIfHeaderNotMatches,
    String compression,
    long bodySizeLimit,
    IpProtocol ipProtocol,
    boolean ipFallback,
    boolean allowLinkLocal) {

  public HttpModule {
    headers = Map.copyOf(headers);
    validStatusCodes = Set.copyOf(validStatusCodes);
    validHttpVersions = Set.copyOf(validHttpVersions);
    failIfBodyMatches = List.copyOf(failIfBodyMatches);
    failIfBodyNotMatches = List.copyOf(failIfBodyNotMatches);
    failIfHeaderMatches = List.copyOf(failIfHeaderMatches);
    failIfHeaderNotMatches = List.copyOf(failIfHeaderNotMatches);
  }

  /** Whether the checks need the body's bytes (else it is read and counted, not kept). */
  public boolean checksBody() {
    return !failIfBodyMatches.isEmpty() || !failIfBodyNotMatches.isEmpty();
  }

  /** The Host header the module sets, or null. */
  public String hostHeader() {
    for (Map.Entry<String, String> h : headers.entrySet()) {
      if (h.getKey().equalsIgnoreCase("Host")) {
        return h.getValue();
      }
    }
    return null;
  }
}
