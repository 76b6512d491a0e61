package io.exporters.common.server;

import io.exporters.common.config.ConfigException;
import io.exporters.common.config.ListenAddress;
import io.exporters.common.metrics.MetricFamily;
import io.exporters.common.scrape.ScrapeEngine;
import io.exporters.common.scrape.ScrapeTimeouts;
import io.exporters.common.secret.SecretMasker;
import io.exporters.common.webconfig.Connectors;
import io.exporters.common.webconfig.WebConfig;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP side: routes {@code /}, the metrics path, {@code /probe} (and the anchor's aliases),
 * {@code /-/healthy}, {@code /-/ready} and {@code POST /-/reload} to their handlers, behind the
 * {@link RequestGuard}, on one Jetty connector (TLS from the web config given at start).
 */
public final class ExporterServer<C> implements AutoCloseable {
  static final String TEXT = "text/plain; charset=utf-8";

  /**
   * What the landing page says about the exporter; {@code probeModuleParameter} names the probe
   * form's module field, null when the exporter has no probe targets.
   */
  public record About(String name, String description, String version,
      String probeModuleParameter) {}

  /** Re-reads the configuration; a ConfigException keeps the old one. */
  @FunctionalInterface
  public interface Reload {
    void reload() throws ConfigException;
  }

  private final Javalin javalin;
  private final Supplier<? extends ServedConfig<C>> config;
  private final About about;
  private final String metricsPath;
  private final InFlight inFlight = new InFlight();
  private volatile boolean ready;

  public ExporterServer(About about, Supplier<? extends ServedConfig<C>> config,
      ScrapeEngine<C> engine, Supplier<List<MetricFamily>> selfMetrics, Reload reload,
      WebConfig startupWebConfig, ListenAddress listen, String metricsPath,
      List<String> probeAliases, ServerLimits limits) {
    this.config = config;
    this.about = about;
    this.metricsPath = metricsPath;
    RequestGuard guard = new RequestGuard(() -> config.get().webConfig(), about.name());
    ScrapeAdmission admission = new ScrapeAdmission(limits.maxConcurrentProbes());
    ScrapeHandlers<C> scrapes = new ScrapeHandlers<>(config, engine, selfMetrics, admission);
    this.javalin = Javalin.create(cfg -> {
      cfg.startup.showJavalinBanner = false;
      cfg.http.compressionStrategy = CompressionStrategy.NONE;
      cfg.jetty.threadPool = threadPool(admission.threads());
      if (limits.httpConnections() < Integer.MAX_VALUE) {
        cfg.jetty.modifyServer(server -> {
          NetworkConnectionLimit limit =
              new NetworkConnectionLimit(limits.httpConnections(), server);
          // At the limit, a kept-alive connection idle for a second makes room for a waiting one.
          limit.setEndPointIdleTimeout(1000);
          server.addBean(limit);
        });
      }
      cfg.jetty.addConnector((server, httpConfig) -> Connectors.create(server, httpConfig,
          startupWebConfig, listen.host(), listen.port()));
      cfg.routes.before(guard::check);
      cfg.routes.get("/", inFlight.track(this::landing));
      cfg.routes.get(metricsPath, inFlight.track(scrapes::metrics));
      cfg.routes.get("/probe", inFlight.track(scrapes::probe));
      for (String alias : probeAliases) {
        cfg.routes.get(alias, inFlight.track(scrapes::probe));
      }
      Handler healthy = inFlight.track(ctx -> ctx.contentType(TEXT).result("Healthy\n"));
      cfg.routes.get("/-/healthy", healthy);
      cfg.routes.head("/-/healthy", healthy);
      Handler readyHandler = inFlight.track(ctx -> {
        if (ready) {
          ctx.contentType(TEXT).result("Ready\n");
        } else {
          ctx.status(503).contentType(TEXT).result("Not ready\n");
        }
      });
      cfg.routes.get("/-/ready", readyHandler);
      cfg.routes.head("/-/ready", readyHandler);
      cfg.routes.post("/-/reload", inFlight.track(ctx -> reload(ctx, reload)));
      for (String path : config.get().endpoints().keySet()) {
        cfg.routes.get(path, inFlight.track(ctx -> endpoint(ctx, path)));
      }
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

  private void landing(Context ctx) {
    ServedConfig<C> served = config.get();
    List<LandingPage.Link> links = new ArrayList<>();
    links.add(new LandingPage.Link(metricsPath, "Metrics", !served.defaultTargets().isEmpty()
        ? "of " + served.defaultTargets().stream().map(Object::toString)
            .collect(Collectors.joining(", ")) + " and of the exporter itself"
        : "of the exporter itself (no default target configured)"));
    if (about.probeModuleParameter() != null) {
      links.add(new LandingPage.Link("/probe", "Probe", "?target=...&"
          + about.probeModuleParameter() + "=... scrapes another target"));
    }
    new TreeMap<>(served.endpoints()).forEach((path, endpoint) -> {
      String note = endpoint.landingNote();
      if (note != null) {
        links.add(new LandingPage.Link(path, path.substring(1), note));
      }
    });
    links.add(new LandingPage.Link("/-/healthy", "Health", "200 while the process serves"));
    links.add(new LandingPage.Link("/-/ready", "Readiness", "200 once the config is loaded"));
    ctx.contentType("text/html; charset=utf-8").result(LandingPage.render(about.name(),
        about.description(), about.version(), links, about.probeModuleParameter(),
        served.authModules(), SecretMasker.mask(served.effectiveYaml())));
  }

  private void endpoint(Context ctx, String path) throws Exception {
    ServedConfig<C> served = config.get();
    Endpoint endpoint = served.endpoints().get(path);
    if (endpoint == null) {
      ctx.status(404).contentType(TEXT).result("not served by the configuration in force\n");
      return;
    }
    Map<String, String> params = new LinkedHashMap<>();
    ctx.queryParamMap().forEach((k, v) -> params.put(k, v.isEmpty() ? "" : v.get(0)));
    Endpoint.Answer answer = endpoint.answer(params,
        served.timeouts().deadlineFor(ctx.header(ScrapeTimeouts.HEADER)));
    ctx.status(answer.status()).contentType(answer.contentType()).result(answer.body());
  }

  private static void reload(Context ctx, Reload reload) {
    try {
      reload.reload();
      ctx.contentType(TEXT).result("configuration reloaded\n");
    } catch (ConfigException e) {
      ctx.status(500).contentType(TEXT)
          .result("reload failed, still running the previous configuration: "
              + SecretMasker.mask(e.getMessage()) + "\n");
    }
  }

  /**
   * Scrapes are few and mostly wait on the backend: a small pool that grows on demand and, after
   * a burst, retires idle threads within seconds (Jetty retires one per timeout by default).
   */
  /** Threads started on demand up to {@code max}, stopped after 5 s idle. */
  private static QueuedThreadPool threadPool(int max) {
    QueuedThreadPool pool = new QueuedThreadPool(max, 2, 5_000);
    pool.setName("http");
    pool.setReservedThreads(0);
    pool.setMaxEvictCount(max);
    return pool;
  }

  /** Requests being answered now. */
  public int inFlight() {
    return inFlight.count();
  }

  /**
   * Stops taking requests (new ones get a 503, /-/ready says not ready) and waits up to
   * {@code grace} for those in flight; returns how many were still running.
   */
  public int drain(java.time.Duration grace) throws InterruptedException {
    ready = false;
    return inFlight.drain(grace);
  }

  @Override
  public void close() {
    ready = false;
    javalin.stop();
  }
}
