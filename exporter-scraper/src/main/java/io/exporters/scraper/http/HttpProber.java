package io.exporters.scraper.http;

import io.exporters.common.backend.Deadline;
import io.exporters.common.backend.HttpApi;
import io.exporters.scraper.model.FailureReason;
import io.exporters.scraper.model.Families;
import io.exporters.scraper.model.ProbeFailure;
import io.exporters.scraper.model.ProbeLog;
import io.exporters.scraper.model.ProbeMetrics;
import io.exporters.scraper.net.Resolution;
import io.exporters.scraper.net.TargetResolver;
import io.exporters.scraper.net.TargetUrls;
import io.exporters.scraper.tls.TlsState;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Date;
import java.util.Objects;
import okhttp3.Handshake;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;

/**
 * blackbox's http prober on OkHttp: resolves and checks the address of every hop itself, follows
 * redirects itself (bounded, each one re-checked), reads the final body up to the limit, runs the
 * module's checks and writes blackbox's series. {@code hostname} (blackbox's parameter) sets the
 * Host header and the TLS name of the first hop.
 */
public final class HttpProber {
  private HttpProber() {}

  public static HttpOutcome probe(HttpModule m, URI target, String hostname, boolean keepBody,
      BodyBudget.Share share, Deadline deadline, ProbeLog log, ProbeMetrics metrics) {
    HttpOutcome out = new HttpOutcome();
    PhaseTimer timer = new PhaseTimer();
    ProbeCookies cookies = new ProbeCookies();
    URI current = target;
    String method = m.method();
    byte[] body = m.body();
    try {
      for (int hop = 0; ; hop++) {
        timer.startHop();
        long resolving = System.nanoTime();
        Resolution address;
        try {
          address = TargetResolver.resolve(current.getHost(), m.ipProtocol(), m.ipFallback(),
              m.allowLinkLocal(), deadline, log, hop == 0 ? metrics : null);
        } catch (ProbeFailure f) {
          timer.addResolve((System.nanoTime() - resolving) / 1e9);
          throw f;
        }
        timer.addResolve(address.lookupSeconds());
        String hostHeader = hop == 0 ? firstOf(hostname, m.hostHeader()) : null;
        String tlsName = firstOf(m.tls().serverName(), hop == 0 ? hostHeader : null);
        Request request = HopRequest.build(m, current, method, body, hostHeader, tlsName,
            sameHost(current, target));
        log.info("Making HTTP request", "url", TargetUrls.withoutUserInfo(current.toString()),
            "host", hostHeader == null ? current.getHost() : hostHeader);
        HttpApi client = m.client().with(b -> b
            .dns(HopRequest.pinned(request.url().host(), address.address()))
            .eventListener(timer).cookieJar(cookies)
            .connectTimeout(remaining(deadline)).readTimeout(remaining(deadline))
            .writeTimeout(remaining(deadline)));
        try (Response response = client.execute(request, deadline)) {
          out.statusCode = response.code();
          log.info("Received HTTP response", "status_code", response.code());
          String location = response.header("Location");
          if (response.isRedirect() && m.followRedirects() && location != null) {
            timer.endHop(0);
            out.redirects++;
            if (out.redirects > m.maxRedirects()) {
              throw new ProbeFailure(FailureReason.REDIRECTS, "stopped after "
                  + m.maxRedirects() + " redirects");
            }
            current = redirectTarget(current, location, log);
            if (response.code() == 303 || (response.code() <= 302 && !method.equals("HEAD"))) {
              method = method.equals("HEAD") ? "HEAD" : "GET";
              body = null;
            }
            continue;
          }
          finish(m, response, keepBody, share, deadline, timer, out, log);
          return out;
        } catch (IOException e) {
          timer.endHop(0);
          throw HttpFailures.classify(e, deadline, timer.connected(), "making the request");
        }
      }
    } catch (ProbeFailure f) {
      if (out.failure == null) {
        out.failure = f;
      }
      log.error("Error for HTTP request", "err", f.getMessage());
      return out;
    } finally {
      out.write(metrics, timer, m.tls());
    }
  }

  /** The final response: body, then blackbox's checks in its order. */
  private static void finish(HttpModule m, Response response, boolean keepBody,
      BodyBudget.Share share, Deadline deadline, PhaseTimer timer, HttpOutcome out,
      ProbeLog log) throws ProbeFailure {
    out.contentLength = response.body().contentLength();
    out.contentType = response.header("Content-Type");
    out.version = version(response.protocol());
    Date modified = response.headers().getDate("Last-Modified");
    out.lastModified = modified == null ? null : (double) (modified.getTime() / 1000);
    Handshake handshake = response.handshake() != null ? response.handshake() : timer.handshake();
    if (handshake != null) {
      out.ssl = true;
      out.tls = TlsState.of(timer.sentCertificates().isEmpty() ? handshake.peerCertificates()
          : timer.sentCertificates(), handshake.tlsVersion().javaName(),
          handshake.cipherSuite().javaName());
    }
    BodyReader.Read read;
    try {
      read = BodyReader.read(response.body().byteStream(), response.header("Content-Encoding"),
          m.compression(), m.bodySizeLimit(), share, keepBody || m.checksBody(), deadline);
    } catch (ProbeFailure f) {
      if (f.reason() == FailureReason.BODY_TOO_LARGE) {
        out.bodyLength = m.bodySizeLimit();
      }
      timer.endHop(0);
      throw f;
    }
    timer.endHop(read.endNanos());
    out.bodyLength = read.bodyBytes();
    out.body = read.retained();
    try {
      ResponseChecks.status(m, out.statusCode, log);
      ResponseChecks.headers(m, response.headers(), log);
      ResponseChecks.body(m, out.body, log);
    } catch (ProbeFailure f) {
      out.failure = f;
    }
    try {
      ResponseChecks.version(m, versionName(response.protocol()), log);
      ResponseChecks.ssl(m, out.ssl, log);
    } catch (ProbeFailure f) {
      out.failure = out.failure == null ? f : out.failure;
    }
  }

  private static URI redirectTarget(URI from, String location, ProbeLog log)
      throws ProbeFailure {
    URI next;
    try {
      next = from.resolve(new URI(location.trim()));
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      throw new ProbeFailure(FailureReason.REDIRECTS, "the redirect's Location is not a URL");
    }
    String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase();
    if (!scheme.equals("http") && !scheme.equals("https") || next.getHost() == null) {
      throw new ProbeFailure(FailureReason.REDIRECTS,
          "refused a redirect to a URL that is not http(s)");
    }
    log.info("Following redirect", "location", TargetUrls.withoutUserInfo(next.toString()));
    return next;
  }

  private static boolean sameHost(URI a, URI b) {
    return a.getHost().equalsIgnoreCase(b.getHost()) && a.getPort() == b.getPort()
        && Objects.equals(a.getScheme(), b.getScheme());
  }

  /** Go's resp.Proto as a number: 1 for HTTP/1.0, 1.1, 2, 3. */
  static double version(Protocol p) {
    switch (p) {
      case HTTP_1_0:
        return 1.0;
      case HTTP_1_1:
        return 1.1;
      case HTTP_2:
      case H2_PRIOR_KNOWLEDGE:
        return 2;
      default:
        return 3;
    }
  }

  /** Go's resp.Proto: HTTP/1.1, HTTP/2.0... as valid_http_versions spells them. */
  static String versionName(Protocol p) {
    double v = version(p);
    return v == 1.1 ? "HTTP/1.1" : "HTTP/" + (int) v + ".0";
  }

  private static Duration remaining(Deadline deadline) {
    return Duration.ofMillis(Math.max(1, deadline.remainingMillis()));
  }

  private static String firstOf(String a, String b) {
    return a != null && !a.isEmpty() ? a : b;
  }
}
