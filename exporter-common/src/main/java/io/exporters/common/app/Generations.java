package io.exporters.common.app;

import io.exporters.common.backend.ConnectionSource;
import io.exporters.common.config.CommandLine;
import io.exporters.common.config.ConfigException;
import io.exporters.common.config.ConfigLoader;
import io.exporters.common.config.LoadedConfig;
import io.exporters.common.log.Logging;
import io.exporters.common.secret.SecretMasker;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configuration generation in force, and reloads: load, build the whole next generation,
 * then swap it in at once. A load or build that fails keeps the generation in force and says so
 * in {@code <exporter>_config_last_reload_successful}.
 */
final class Generations<C, X> {
  private static final Logger logger = LoggerFactory.getLogger(ExporterApp.class);

  private final ExporterDefinition<C, X> definition;
  private final ConfigLoader<X> loader;
  private final GenerationBuilder<C, X> builder;
  private final CommandLine.Parsed args;
  private final Map<String, String> env;
  private final SelfMetrics selfMetrics;
  private final AtomicReference<Generation<C, X>> current = new AtomicReference<>();

  Generations(ExporterDefinition<C, X> definition, ConfigLoader<X> loader,
      CommandLine.Parsed args, Map<String, String> env, SelfMetrics selfMetrics,
      ConnectionSource<C> connections, LoadedConfig<X> first) throws ConfigException {
    this.definition = definition;
    this.loader = loader;
    this.builder = new GenerationBuilder<>(definition, connections);
    this.args = args;
    this.env = env;
    this.selfMetrics = selfMetrics;
    apply(builder.build(first));
  }

  Generation<C, X> current() {
    return current.get();
  }

  /** Re-reads everything; on error keeps the generation in force and rethrows. */
  synchronized void reload() throws ConfigException {
    try {
      Generation<C, X> next = builder.build(loader.load(args, env));
      apply(next);
      logger.atInfo().addKeyValue("file", next.config().file()).log("configuration reloaded");
    } catch (ConfigException e) {
      selfMetrics.configLoaded(false);
      logger.atError().addKeyValue("err", SecretMasker.mask(e.getMessage()))
          .log("configuration reload failed; keeping the running configuration");
      throw e;
    }
  }

  private void apply(Generation<C, X> next) {
    Logging.configure(next.config().common().log().levelOrDefault(),
        next.config().common().log().formatOrDefault(),
        next.config().common().log().serverLevel());
    current.set(next);
    selfMetrics.configLoaded(true);
    for (String note : definition.notes(next.config())) {
      logger.atWarn().log(note);
    }
    next.config().common().authModules().forEach((name, module) -> {
      if (module.unrestricted()) {
        logger.atWarn().addKeyValue("auth_module", name).log("auth module has a password and "
            + "no allowed_targets: /probe sends its password to any host a caller names; list "
            + "the hosts it may go to, and require TLS that verifies the server");
      }
    });
  }
}
