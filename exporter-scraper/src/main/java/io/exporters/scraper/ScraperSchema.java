package io.exporters.scraper;

import io.exporters.common.collector.CollectorCatalog;
import io.exporters.common.config.ConfigException;
import io.exporters.common.config.ConfigSchema;
import io.exporters.common.config.ConfigTree;
import io.exporters.common.config.EnvSpec;
import io.exporters.common.config.FlagSpec;
import io.exporters.scraper.modules.ModuleSetCompiler;
import java.nio.file.Path;

/**
 * The scraper's configuration: blackbox's file (blackbox.yml in the working directory unless
 * --config.file names another) and flags (--history.limit, --timeout-offset), SCRAPER_TARGETS,
 * and the check and compilation of the modules and targets, once per load.
 */
final class ScraperSchema {
  private ScraperSchema() {}

  static ConfigSchema<ScraperSettings> of(CollectorCatalog<?> catalog) {
    return ConfigSchema.builder(ScraperSettings.class, 9115, catalog)
        .envPrefix("SCRAPER_EXPORTER_")
        .defaultConfigFile(Path.of("blackbox.yml"))
        .flags(FlagSpec.string("history.limit", "probes.history_limit",
                "How many recent probes (and, apart, failures) the history keeps."),
            FlagSpec.string("timeout-offset", "timeout_offset",
                "Seconds kept back from Prometheus' scrape timeout (blackbox's flag; "
                    + "the same as scrape.timeout_margin)."))
        .env(EnvSpec.list("SCRAPER_TARGETS", "targets"))
        .treeHook((env, tree) -> timeoutOffset(tree))
        .resolver(ScraperSchema::resolve)
        .build();
  }

  /** blackbox's --timeout-offset=0.5 (seconds) is the core's scrape.timeout_margin. */
  private static void timeoutOffset(ConfigTree tree) throws ConfigException {
    String origin = tree.sourceOf("timeout_offset");
    var value = tree.remove("timeout_offset");
    if (value.isEmpty()) {
      return;
    }
    double seconds;
    try {
      seconds = Double.parseDouble(value.get().asText().trim());
    } catch (NumberFormatException e) {
      seconds = -1;
    }
    if (!(seconds >= 0 && seconds < 60)) {
      throw new ConfigException(origin + ": expected seconds such as 0.5, got '"
          + value.get().asText() + "'");
    }
    tree.set("scrape.timeout_margin", Math.round(seconds * 1000) + "ms",
        FlagSpec.Kind.STRING, origin);
  }

  private static ScraperSettings resolve(ScraperSettings settings, ConfigTree tree)
      throws ConfigException {
    if (tree.has("compiled")) {
      throw new ConfigException(tree.sourceOf("compiled") + ": unknown key 'compiled'");
    }
    return settings.withCompiled(ModuleSetCompiler.compile(settings.modules(),
        settings.targets(), settings.probes(), tree::sourceOf));
  }
}
