package io.exporters.common;

import io.exporters.common.collector.CollectorSpec;
import io.exporters.common.config.AuthModule;
import io.exporters.common.config.CollectorConfig;
import io.exporters.common.config.CommandLine;
import io.exporters.common.config.ConfigException;
import io.exporters.common.config.ConfigLoader;
import io.exporters.common.config.FlagSpec;
import io.exporters.common.config.ListenAddress;
import io.exporters.common.config.LoadedConfig;
import io.exporters.common.config.ScrapeSettings;
import io.exporters.common.http.ExporterServer;
import io.exporters.common.log.Logging;
import io.exporters.common.log.SecretMasker;
import io.exporters.common.scrape.ActiveCollector;
import io.exporters.common.scrape.ScrapeEngine;
import io.exporters.common.scrape.ScrapePlan;
import io.exporters.common.scrape.ScrapeTimeouts;
import io.exporters.common.target.ConnectionPools;
import io.exporters.common.target.Target;
import io.exporters.common.web.WebConfigWatcher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one exporter: loads the config (file, environment, flags), builds the scrape engine and
 * serves HTTP. Reloads on {@code POST /-/reload} and SIGHUP, keeping the old config when the new
 * one is bad.
 */
public final class ExporterApp<C, X> implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(ExporterApp.class);
  private static final int MAX_COLLECTOR_THREADS = 1024;

  /** What a scrape needs from the current config; swapped whole on reload. */
  public record State<C, X>(LoadedConfig<X> config, ScrapePlan<C> plan,
      List<Target> defaultTargets, ScrapeTimeouts timeouts) {}

  private final ExporterDefinition<C, X> definition;
  private final ConfigLoader<X> loader;
  private final CommandLine.Parsed args;
  private final Map<String, String> env;
  private final BuildInfo build;
  private final SelfMetrics selfMetrics;
  private final AtomicReference<State<C, X>> state = new AtomicReference<>();
  private final AtomicReference<WebConfigWatcher> webConfig = new AtomicReference<>();
  private final ExecutorService workers;
  private final ScheduledThreadPoolExecutor timer;
  private final ConnectionPools<C> pools;
  private final ScrapeEngine<C> engine;
  private final ExporterServer<C, X> server;

  private ExporterApp(ExporterDefinition<C, X> definition, ConfigLoader<X> loader,
      CommandLine.Parsed args, Map<String, String> env, LoadedConfig<X> config) {
    this.definition = definition;
    this.loader = loader;
    this.args = args;
    this.env = env;
    this.build = BuildInfo.load(definition.getClass());
    this.selfMetrics = new SelfMetrics(definition.name(), definition.namespace(), build);
    State<C, X> initial = stateOf(config);
    state.set(initial);
    webConfig.set(watcherFor(config));

    // Idle threads are reused before new ones start; a round needs one per connection it uses.
    this.workers = new ThreadPoolExecutor(0, MAX_COLLECTOR_THREADS, 30, TimeUnit.SECONDS,
        new SynchronousQueue<>(), daemonThreads("collector"));
    this.timer = new ScheduledThreadPoolExecutor(1, daemonThreads("scrape-timer"));
    timer.setRemoveOnCancelPolicy(true);
    ScrapeSettings scrape = config.common().scrape();
    AtomicReference<ScrapeEngine<C>> engineRef = new AtomicReference<>();
    this.pools = new ConnectionPools<>(definition.connector(config),
        scrape.maxConnectionsPerTarget(), scrape.maxConnections(), scrape.connectionIdleTimeout(),
        scrape.targetIdleTimeout(), target -> engineRef.get().forget(target));
    this.engine = new ScrapeEngine<>(definition.namespace(), pools, workers, timer,
        selfMetrics::scraped);
    engineRef.set(engine);
    timer.scheduleWithFixedDelay(this::maintain, 30, 30, TimeUnit.SECONDS);

    ListenAddress listen = ListenAddress.parse(config.common().web().listenAddress());
    this.server = new ExporterServer<>(this, config.webConfig(), listen,
        config.common().web().telemetryPath());
    selfMetrics.configLoaded(true);
    definition.configured(config);
    logger.atInfo().addKeyValue("version", build.version())
        .addKeyValue("address", config.common().web().listenAddress())
        .addKeyValue("tls", config.webConfig().tls().isPresent())
        .log("listening");
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
      System.out.print(help(definition, loader));
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
  public synchronized void reload() throws ConfigException {
    try {
      LoadedConfig<X> config = loader.load(args, env);
      State<C, X> next = stateOf(config);
      Logging.configure(config.common().log().levelOrDefault(),
          config.common().log().formatOrDefault(), config.common().log().serverLevel());
      state.set(next);
      webConfig.set(watcherFor(config));
      selfMetrics.configLoaded(true);
      definition.configured(config);
      logger.atInfo().addKeyValue("file", config.file()).log("configuration reloaded");
    } catch (ConfigException e) {
      selfMetrics.configLoaded(false);
      logger.atError().addKeyValue("err", SecretMasker.mask(e.getMessage()))
          .log("configuration reload failed; keeping the running configuration");
      throw e;
    }
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

  private State<C, X> stateOf(LoadedConfig<X> config) {
    List<ActiveCollector<C>> active = new ArrayList<>();
    List<CollectorSpec<C>> specs = new ArrayList<>(definition.collectors().all());
    specs.addAll(definition.configuredCollectors(config));
    for (CollectorSpec<C> spec : specs) {
      CollectorConfig c = config.common().collectors().get(spec.name());
      boolean enabled = c != null && c.enabled() != null ? c.enabled() : spec.enabledByDefault();
      if (enabled) {
        Duration ttl = c != null && c.ttl() != null ? c.ttl() : spec.defaultTtl();
        active.add(new ActiveCollector<>(spec,
            ttl == null || ttl.isZero() ? null : ttl,
            c == null ? null : c.timeout(),
            c == null ? Map.of() : c.options()));
      }
    }
    ScrapeSettings s = config.common().scrape();
    return new State<>(config, new ScrapePlan<>(active), definition.defaultTargets(config),
        new ScrapeTimeouts(s.timeout(), s.defaultTimeout(), s.timeoutMargin()));
  }

  private static WebConfigWatcher watcherFor(LoadedConfig<?> config) {
    String file = config.common().web().configFile();
    return new WebConfigWatcher(file == null ? null : Path.of(file), config.webConfig());
  }

  private void maintain() {
    try {
      pools.evictIdle();
      engine.evictExpired();
    } catch (RuntimeException e) {
      logger.atWarn().setCause(e).log("maintenance failed");
    }
  }

  public ExporterDefinition<C, X> definition() {
    return definition;
  }

  public State<C, X> state() {
    return state.get();
  }

  public WebConfigWatcher webConfig() {
    return webConfig.get();
  }

  public ScrapeEngine<C> engine() {
    return engine;
  }

  public ConnectionPools<C> pools() {
    return pools;
  }

  public SelfMetrics selfMetrics() {
    return selfMetrics;
  }

  public BuildInfo build() {
    return build;
  }

  /** Looks up an auth module by name, as /probe's {@code auth_module} names it. */
  public Optional<AuthModule> authModule(String name) {
    return Optional.ofNullable(state.get().config().common().authModules().get(name));
  }

  /** The port actually bound (differs from the config when it asked for port 0). */
  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.close();
    timer.shutdownNow();
    workers.shutdownNow();
    pools.close();
  }

  private static String help(ExporterDefinition<?, ?> definition, ConfigLoader<?> loader) {
    StringBuilder out = new StringBuilder();
    out.append("usage: ").append(definition.name()).append(" [flags]\n\n")
        .append(definition.description()).append("\n\nFlags:\n")
        .append("  --config.file=FILE  YAML configuration file\n");
    for (FlagSpec f : loader.flags()) {
      out.append("  --").append(f.name()).append(f.kind() == FlagSpec.Kind.BOOL ? "" : "=VALUE")
          .append("  ").append(f.help());
      if (!f.envNames().isEmpty()) {
        out.append(" [$").append(String.join(", $", f.envNames())).append(']');
      }
      out.append('\n');
    }
    out.append("\nCollectors (--collector.<name> / --no-collector.<name>):\n");
    for (CollectorSpec<?> spec : definition.collectors().all()) {
      out.append("  ").append(spec.name())
          .append(spec.enabledByDefault() ? " (default: enabled)" : " (default: disabled)")
          .append("  ").append(spec.description()).append('\n');
    }
    return out.toString();
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
