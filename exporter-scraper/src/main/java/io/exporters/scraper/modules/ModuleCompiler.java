package io.exporters.scraper.modules;

import io.exporters.common.config.Redaction;
import io.exporters.scraper.config.ModuleConfig;
import io.exporters.scraper.config.ProbeSettings;
import io.exporters.scraper.health.HealthCheck;
import io.exporters.scraper.http.HttpModule;
import io.exporters.scraper.json.JsonExtraction;
import io.exporters.scraper.tcp.TcpModule;
import java.time.Duration;

/** Compiles one module; a {@link KeyError} names the key (relative to the module) at fault. */
final class ModuleCompiler {
  static final int MAX_RETRIES = 5;

  private ModuleCompiler() {}

  static Module compile(String name, ModuleConfig c, ProbeSettings settings) {
    Prober prober = KeyError.at("prober", () -> Prober.parse(c.prober()));
    Duration timeout = c.timeout();
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      timeout = null;
    }
    int retries = c.retries() == null ? 0 : c.retries();
    if (retries < 0 || retries > MAX_RETRIES) {
      throw new KeyError("retries", "must be between 0 and " + MAX_RETRIES);
    }
    boolean allowLinkLocal = Boolean.TRUE.equals(c.allowLinkLocal());
    if (prober != Prober.HTTP && (c.health() != null || c.json() != null)) {
      throw new KeyError(c.health() != null ? "health" : "json",
          "reads response bodies, so it needs prober: http");
    }
    if (prober != Prober.HTTP && c.http() != null) {
      throw new KeyError("http", "set, but the module's prober is " + prober.label());
    }
    if (prober != Prober.TCP && c.tcp() != null) {
      throw new KeyError("tcp", "set, but the module's prober is " + prober.label());
    }
    HttpModule http = null;
    TcpModule tcp = null;
    if (prober == Prober.HTTP) {
      http = prefixed("http", () -> HttpModuleCompiler.compile(c.http(),
          settings.bodySizeLimit().bytes(), allowLinkLocal));
    } else if (prober == Prober.TCP) {
      tcp = prefixed("tcp", () -> TcpModuleCompiler.compile(c.tcp(), allowLinkLocal));
    }
    HealthCheck health = AnalyserCompiler.health(c.health());
    JsonExtraction json = AnalyserCompiler.json(c.json());
    return new Module(name, prober, timeout, retries, http, tcp, health, json, c,
        Redaction.yaml(c).lines().toList());
  }

  private static <T> T prefixed(String prefix, java.util.function.Supplier<T> step) {
    try {
      return step.get();
    } catch (KeyError e) {
      throw new KeyError(prefix + "." + e.key(), e.getMessage());
    }
  }
}
