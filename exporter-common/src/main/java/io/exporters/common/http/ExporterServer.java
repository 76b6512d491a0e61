package io.exporters.common.http;

import io.exporters.common.ExporterApp;
import io.exporters.common.config.AuthModule;
import io.exporters.common.config.ConfigException;
import io.exporters.common.config.ListenAddress;
import io.exporters.common.log.SecretMasker;
import io.exporters.common.metrics.Exposition;
import io.exporters.common.scrape.ScrapeResult;
import io.exporters.common.scrape.ScrapeTimeouts;
import io.exporters.common.target.Target;
import io.exporters.common.web.Connectors;
import io.exporters.common.web.RateLimiter;
import io.exporters.common.web.WebConfig;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side: {@code /}, the metrics path, {@code /probe} (and the anchor's aliases),
 * {@code /-/healthy}, {@code /-/ready} and {@code POST /-/reload}, behind the web config's TLS,
 * basic auth, rate limit and headers. Only {@code /-/healthy} answers without credentials.
 */
public final class ExporterServer<C, X> implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(ExporterServer.class);
  private static final String TEXT = "text/plain; charset=utf-8";

  private final ExporterApp<C, X> app;
  private final Javalin javalin;
  private volatile boolean ready;

  public ExporterServer(ExporterApp<C, X> app, WebConfig webConfig, ListenAddress listen,
      String metricsPath) {
    this.app = app;
    this.javalin = Javalin.create(cfg -> {
      cfg.startup.showJavalinBanner = false;
      cfg.http.compressionStrategy = CompressionStrategy.NONE;
      cfg.jetty.threadPool = threadPool();
      cfg.jetty.addConnector((server, httpConfig) ->
          Connectors.create(server, httpConfig, webConfig, listen.host(), listen.port()));
      cfg.routes.before(this::guard);
      cfg.routes.get("/", this::landing);
      cfg.routes.get(metricsPath, this::metrics);
      cfg.routes.get("/probe", this::probe);
      for (String alias : app.definition().probeAliases()) {
        cfg.routes.get(alias, this::probe);
      }
      Handler healthy = ctx -> ctx.contentType(TEXT).result("Healthy\n");
      cfg.routes.get("/-/healthy", healthy);
      cfg.routes.head("/-/healthy", healthy);
      Handler readyHandler = ctx -> {
        if (ready) {
          ctx.contentType(TEXT).result("Ready\n");
        } else {
          ctx.status(503).contentType(TEXT).result("Not ready\n");
        }
      };
      cfg.routes.get("/-/ready", readyHandler);
      cfg.routes.head("/-/ready", readyHandler);
      cfg.routes.post("/-/reload", this::reload);
    });
    javalin.start();
    ready = true;
  }

  /** The port actually bound. */
  public int port() {
    for (Connector c : javalin.jettyServer().server().getConnectors()) {
      if (c instanceof NetworkConnector) {
        return ((NetworkConnector) c).getLocalPort();
      }
    }
    return javalin.port();
  }

  private void guard(Context ctx) {
    WebConfig web = app.webConfig().current();
    for (Map.Entry<String, String> h : web.headers().entrySet()) {
      ctx.header(h.getKey(), h.getValue());
    }
    if (ctx.path().equals("/-/healthy")) {
      return;
    }
    Optional<RateLimiter> limiter = web.rateLimiter();
    if (limiter.isPresent() && !limiter.get().tryAcquire()) {
      ctx.status(429).contentType(TEXT).result("Too Many Requests\n");
      ctx.skipRemainingHandlers();
      return;
    }
    if (web.basicAuth().enabled() && !web.basicAuth().check(ctx.header("Authorization"))) {
      ctx.header("WWW-Authenticate", "Basic realm=\"" + app.definition().name() + "\"");
      ctx.status(401).contentType(TEXT).result("Unauthorized\n");
      ctx.skipRemainingHandlers();
    }
  }

  private void landing(Context ctx) {
    ExporterApp.State<C, X> state = app.state();
    List<LandingPage.Link> links = new ArrayList<>();
    String metricsPath = state.config().common().web().telemetryPath();
    links.add(new LandingPage.Link(metricsPath, "Metrics", !state.defaultTargets().isEmpty()
        ? "of " + state.defaultTargets().stream().map(Target::toString)
            .collect(java.util.stream.Collectors.joining(", ")) + " and of the exporter itself"
        : "of the exporter itself (no default target configured)"));
    links.add(new LandingPage.Link("/probe", "Probe",
        "?target=...&auth_module=... scrapes another target"));
    links.add(new LandingPage.Link("/-/healthy", "Health", "200 while the process serves"));
    links.add(new LandingPage.Link("/-/ready", "Readiness", "200 once the config is loaded"));
    ctx.contentType("text/html; charset=utf-8").result(LandingPage.render(
        app.definition().name(), app.definition().description(), app.build().version(), links,
        true, SecretMasker.mask(state.config().effectiveYaml())));
  }

  /** Scrapes are few and mostly wait on the backend: a small pool that grows on demand. */
  private static QueuedThreadPool threadPool() {
    QueuedThreadPool pool = new QueuedThreadPool(64, 2, 5_000);
    pool.setName("http");
    pool.setReservedThreads(0);
    // After a burst, idle threads go within seconds (Jetty retires one per timeout by default).
    pool.setMaxEvictCount(64);
    return pool;
  }

  private void metrics(Context ctx) throws IOException {
    ExporterApp.State<C, X> state = app.state();
    try {
      ScrapeResult result = app.engine().scrapeAll(state.defaultTargets(), state.plan(),
          state.timeouts().deadlineFor(ctx.header(ScrapeTimeouts.HEADER)),
          app.definition()::targetLabel);
      respond(ctx, result, true);
    } catch (OutOfMemoryError e) {
      outOfMemory(ctx);
    }
  }

  private void probe(Context ctx) throws IOException {
    ExporterApp.State<C, X> state = app.state();
    String target = ctx.queryParam("target");
    if (target == null || target.isBlank()) {
      badRequest(ctx, "missing required parameter 'target'");
      return;
    }
    String moduleName = ctx.queryParam("auth_module");
    if (moduleName == null) {
      moduleName = ctx.queryParam("module");
    }
    Optional<AuthModule> module = Optional.empty();
    if (moduleName != null && !moduleName.isEmpty()) {
      module = app.authModule(moduleName);
      if (module.isEmpty()) {
        Map<String, AuthModule> known = state.config().common().authModules();
        badRequest(ctx, "unknown auth_module '" + moduleName + "'"
            + (known.isEmpty() ? " (none configured)"
                : " (configured: " + String.join(", ", new TreeSet<>(known.keySet())) + ")"));
        return;
      }
    }
    Target resolved;
    try {
      resolved = probeTarget(target, module, state);
    } catch (IllegalArgumentException e) {
      badRequest(ctx, "invalid target: " + SecretMasker.mask(e.getMessage()));
      return;
    }
    try {
      respond(ctx, scrape(state, resolved, ctx), false);
    } catch (OutOfMemoryError e) {
      outOfMemory(ctx);
    }
  }

  private Target probeTarget(String target, Optional<AuthModule> module,
      ExporterApp.State<C, X> state) {
    return app.definition().probeTarget(target, module, state.config());
  }

  private ScrapeResult scrape(ExporterApp.State<C, X> state, Target target, Context ctx) {
    return app.engine().scrape(target, state.plan(),
        state.timeouts().deadlineFor(ctx.header(ScrapeTimeouts.HEADER)));
  }

  /** The format a scrape asked for, and whether this exporter's own metrics are in it. */
  private record RenderKey(Exposition.Format format, boolean gzip, boolean withSelfMetrics) {}

  /**
   * Answers with the result rendered as asked. Scrapes that joined one round share its result,
   * so they share the rendered body too: each format and encoding is rendered once.
   */
  private void respond(Context ctx, ScrapeResult result, boolean withSelfMetrics) {
    RenderKey key = new RenderKey(Exposition.Format.negotiate(ctx.header("Accept")),
        Exposition.acceptsGzip(ctx.header("Accept-Encoding")), withSelfMetrics);
    Exposition.Body body = result.memo(key, () -> {
      try {
        return Exposition.render(result.families(), withSelfMetrics
            ? app.selfMetrics().registry().scrape() : MetricSnapshots.of(), key.format(),
            key.gzip());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    ctx.status(200).contentType(body.contentType());
    if (body.contentEncoding() != null) {
      ctx.header("Content-Encoding", body.contentEncoding());
    }
    ctx.header("Content-Length", Long.toString(body.length()));
    ctx.result(body.stream());
  }

  /** Not enough heap for this answer: a clear 503 the scraper can record, not an empty 500. */
  private void outOfMemory(Context ctx) {
    logger.atError().addKeyValue("path", ctx.path())
        .log("not enough memory to answer a scrape; raise -Xmx (see jvm.options)");
    ctx.status(503).contentType(TEXT).header("Retry-After", "1")
        .result("not enough memory to answer this scrape now; retry, or raise the exporter's "
            + "heap (-Xmx in jvm.options)\n");
  }

  private void reload(Context ctx) {
    try {
      app.reload();
      ctx.contentType(TEXT).result("configuration reloaded\n");
    } catch (ConfigException e) {
      ctx.status(500).contentType(TEXT)
          .result("reload failed, still running the previous configuration: "
              + SecretMasker.mask(e.getMessage()) + "\n");
    }
  }

  private static void badRequest(Context ctx, String reason) {
    logger.atDebug().addKeyValue("path", ctx.path()).addKeyValue("reason", reason)
        .log("bad request");
    ctx.status(400).contentType(TEXT).result(reason + "\n");
  }

  @Override
  public void close() {
    ready = false;
    javalin.stop();
  }
}
