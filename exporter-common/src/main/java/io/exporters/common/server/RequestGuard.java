package io.exporters.common.server;

import io.exporters.common.webconfig.RateLimiter;
import io.exporters.common.webconfig.WebConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Applies the web config to every request before its handler: the configured response headers,
 * the rate limit and basic auth. Only {@code /-/healthy} answers without credentials.
 */
final class RequestGuard {
  private final Supplier<WebConfig> web;
  private final String realm;

  RequestGuard(Supplier<WebConfig> web, String realm) {
    this.web = web;
    this.realm = realm;
  }

  void check(Context ctx) {
    WebConfig config = web.get();
    for (Map.Entry<String, String> h : config.headers().entrySet()) {
      ctx.header(h.getKey(), h.getValue());
    }
    if (ctx.path().equals("/-/healthy")) {
      return;
    }
    Optional<RateLimiter> limiter = config.rateLimiter();
    if (limiter.isPresent() && !limiter.get().tryAcquire()) {
      ctx.status(429).contentType(ExporterServer.TEXT).result("Too Many Requests\n");
      ctx.skipRemainingHandlers();
      return;
    }
    if (config.basicAuth().enabled() && !config.basicAuth().check(ctx.header("Authorization"))) {
      ctx.header("WWW-Authenticate", "Basic realm=\"" + realm + "\"");
      ctx.status(401).contentType(ExporterServer.TEXT).result("Unauthorized\n");
      ctx.skipRemainingHandlers();
    }
  }
}
