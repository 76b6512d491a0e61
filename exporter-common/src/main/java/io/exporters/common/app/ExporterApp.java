package io.exporters.common.app;

import io.exporters.common.backend.Backend;
import io.exporters.common.backend.ConnectionPools;
import io.exporters.common.backend.ConnectionSource;
import io.exporters.common.backend.SharedClient;
import io.exporters.common.config.CommandLine;
import io.exporters.common.config.ConfigException;
import io.exporters.common.config.ConfigLoader;
import io.exporters.common.config.ListenAddress;
import io.exporters.common.config.LoadedConfig;
import io.exporters.common.config.ScrapeSettings;
import io.exporters.common.log.Logging;
import io.exporters.common.scrape.ScrapeEngine;
import io.exporters.common.secret.SecretMasker;
import io.exporters.common.server.ExporterServer;
import io.exporters.common.server.ServerLimits;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one exporter: the composition root. Loads the config, builds the first generation, the
 * connection source, the scrape engine and the HTTP server, and wires reloads (POST /-/reload,
 * SIGHUP) to {@link Generations}.
 */
public final class ExporterApp<C, X> implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(ExporterApp.class);
  private static final int MAX_COLLECTOR_THREADS = 1024;
  /** How long a stop waits for answers in flight: under Docker's 10 s before SIGKILL. */
  static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

  private final Generations<C, X> generations;
  private final ExecutorService workers;
  private final ScheduledThreadPoolExecutor timer;
  private final ConnectionSource<C> connections;
  private final ScrapeEngine<C> engine;
  private final ExporterServer<C> server;
  private final HeapTidy heapTidy = new HeapTidy();
  private final AutoCloseable background;
  private final AtomicBoolean closed = new AtomicBoolean();

  private ExporterApp(ExporterDefinition<C, X> definition, ConfigLoader<X> loader,
      CommandLine.Parsed args, Map<String, String> env, LoadedConfig<X> config)
      throws ConfigException {
    BuildInfo build = BuildInfo.load(definition.getClass());
    SelfMetrics selfMetrics = new SelfMetrics(definition.name(), definition.namespace(), build);
    // Idle threads are reused before new ones start; a round needs one per connection it uses.
    this.workers = new ThreadPoolExecutor(0, MAX_COLLECTOR_THREADS, 30, TimeUnit.SECONDS,
        new SynchronousQueue<>(), daemonThreads("collector"));
    this.timer = new ScheduledThreadPoolExecutor(1, daemonThreads("scrape-timer"));
    timer.setRemoveOnCancelPolicy(true);
    AtomicReference<ScrapeEngine<C>> engineRef = new AtomicReference<>();
    this.connections = connections(definition.backend(config), config.common().scrape(),
        engineRef);
    this.generations = new Generations<>(definition, loader, args, env, selfMetrics,
        connections, config);
    this.engine = new ScrapeEngine<>(definition.namespace(), connections, workers, timer,
        (target, result) -> {
          heapTidy.scraped();
          selfMetrics.scraped(target, result);
        });
    engineRef.set(engine);
    timer.scheduleWithFixedDelay(this::maintain, 30, 30, TimeUnit.SECONDS);
    // Derived targets' connections (other databases, cluster nodes) close a few seconds after use.
    timer.scheduleWithFixedDelay(this::evictIdleConnections, 5, 5, TimeUnit.SECONDS);

    ListenAddress listen = ListenAddress.parse(config.common().web().listenAddress());
    this.server = new ExporterServer<>(
        new ExporterServer.About(definition.name(), definition.description(), build.version(),
            definition.probeModuleParameter()),
        generations::current, engine, selfMetrics::families, generations::reload,
        generations.current().web().current(), listen, config.common().web().telemetryPath(),
        definition.probeAliases(), limits(config.common().scrape()));
    this.background = definition.background(() -> generations.current().config(), connections);
    AddressFile.write(env.get(AddressFile.ENV), AddressFile.url(listen, server.port(),
        generations.current().web().current().tls().isPresent()));
    logger.atInfo().addKeyValue("version", build.version())
        .addKeyValue("address", config.common().web().listenAddress())
        .addKeyValue("tls", generations.current().web().current().tls().isPresent())
        .log("listening");
  }

  /** The HTTP server's limits; a low descriptor limit is said once, at start. */
  private static ServerLimits limits(ScrapeSettings scrape) {
    ServerLimits limits = ServerLimits.of(scrape.maxConcurrentProbes(),
        scrape.maxConnections() + scrape.maxProbeConnections());
    if (limits.httpConnections() < 1000) {
      logger.atInfo().addKeyValue("http_connections", limits.httpConnections())
          .log("the file descriptor limit is low: at most this many HTTP connections at once; "
              + "more wait to be accepted (raise it with ulimit -n)");
    }
    return limits;
  }

  private static <C> ConnectionSource<C> connections(Backend<C> backend, ScrapeSettings scrape,
      AtomicReference<ScrapeEngine<C>> engine) {
    if (backend instanceof Backend.Shared<C> shared) {
      return new SharedClient<>(shared.client(), shared.upCheck(), shared.lanes());
    }
    return new ConnectionPools<>(((Backend.Pooled<C>) backend).connector(),
        scrape.maxConnectionsPerTarget(), scrape.maxConnections(), scrape.maxProbeConnections(),
        scrape.connectionIdleTimeout(), scrape.targetIdleTimeout(),
        target -> engine.get().forget(target));
  }

  /** Entry point for an exporter's main(): exits non-zero with the reason on a bad config. */
  public static <C, X> void main(ExporterDefinition<C, X> definition, String[] argv) {
    try {
      ExporterApp<C, X> app = start(definition, Arrays.asList(argv), System.getenv());
      if (app == null) {
        return;
      }
      Runtime.getRuntime().addShutdownHook(new Thread(app::close, "shutdown"));
      app.reloadOnSighup();
      app.stopGracefullyOn("TERM", "INT");
    } catch (ConfigException e) {
      String message = SecretMasker.mask(e.getMessage());
      logger.atError().log(message);
      System.err.println(definition.name() + ": error: " + message);
      System.exit(2);
    } catch (RuntimeException e) {
      String message = SecretMasker.mask(String.valueOf(e.getMessage()));
      logger.atError().setCause(e).log("cannot start: " + message);
      System.err.println(definition.name() + ": cannot start: " + message);
      System.exit(1);
    }
  }

  /**
   * Loads the config and starts serving; returns null when only --help or --version was asked
   * (the answer is printed to stdout).
   */
  public static <C, X> ExporterApp<C, X> start(ExporterDefinition<C, X> definition,
      List<String> argv, Map<String, String> env) throws ConfigException {
    ConfigLoader<X> loader = new ConfigLoader<>(definition.configSchema());
    CommandLine.Parsed args = loader.parseArgs(argv);
    if (args.help()) {
      System.out.print(HelpText.of(definition, loader.flags()));
      return null;
    }
    if (args.version()) {
      BuildInfo b = BuildInfo.load(definition.getClass());
      System.out.println(definition.name() + " version " + b.version() + " (revision "
          + b.revision() + ", java " + System.getProperty("java.version") + ")");
      return null;
    }
    LoadedConfig<X> config = loader.load(args, env);
    Logging.configure(config.common().log().levelOrDefault(),
        config.common().log().formatOrDefault(), config.common().log().serverLevel());
    return new ExporterApp<>(definition, loader, args, env, config);
  }

  /** Re-reads the config; on error keeps the running one and reports it. */
  public void reload() throws ConfigException {
    generations.reload();
  }

  private void reloadOnSighup() {
    try {
      sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> {
        try {
          reload();
        } catch (ConfigException ignored) {
          // Already logged and exported as *_config_last_reload_successful 0.
        }
      });
    } catch (IllegalArgumentException e) {
      logger.atInfo().log("SIGHUP is not available here; use POST /-/reload");
    }
  }

  /**
   * SIGTERM and SIGINT stop the exporter gracefully and exit 0 (the JVM's own handling exits
   * 143 and cuts answers in flight): see {@link #shutdown}.
   */
  private void stopGracefullyOn(String... signals) {
    for (String name : signals) {
      try {
        sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
          Thread stop = new Thread(() -> {
            shutdown("SIG" + name);
            System.exit(0);
          }, "graceful-stop");
          stop.start();
        });
      } catch (IllegalArgumentException e) {
        logger.atInfo().addKeyValue("signal", name).log("cannot handle this signal here");
      }
    }
  }

  /**
   * Stops taking requests, lets those in flight finish for up to {@link #SHUTDOWN_GRACE}, then
   * closes everything; logs both ends.
   */
  public void shutdown(String reason) {
    if (closed.get()) {
      return;
    }
    logger.atInfo().addKeyValue("reason", reason).addKeyValue("in_flight", server.inFlight())
        .addKeyValue("grace", SHUTDOWN_GRACE.toSeconds() + "s")
        .log("shutting down: refusing new requests, finishing those in flight");
    int left;
    try {
      left = server.drain(SHUTDOWN_GRACE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      left = server.inFlight();
    }
    close();
    logger.atInfo().addKeyValue("unfinished", left).log("stopped");
  }

  private void evictIdleConnections() {
    try {
      connections.evictIdle();
    } catch (RuntimeException e) {
      logger.atWarn().setCause(e).log("closing idle connections failed");
    }
  }

  private void maintain() {
    try {
      engine.evictExpired();
      heapTidy.tidy();
    } catch (RuntimeException e) {
      logger.atWarn().setCause(e).log("maintenance failed");
    }
  }

  /** The default targets of the generation in force (for tests and the landing page). */
  public List<io.exporters.common.backend.Target> defaultTargets() {
    return generations.current().defaultTargets();
  }

  /** The port actually bound (differs from the config when it asked for port 0). */
  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      background.close();
    } catch (Exception e) {
      logger.atWarn().setCause(e).log("stopping background work failed");
    }
    server.close();
    timer.shutdownNow();
    workers.shutdownNow();
    connections.close();
  }

  private static ThreadFactory daemonThreads(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
