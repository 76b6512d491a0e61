package io.exporters.common.server;

import io.exporters.common.config.AuthModule;
import io.exporters.common.config.CommonConfig;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A {@code /probe} request as the exporter sees it: the target, the module it names
 * ({@code auth_module=} or {@code module=}) and every query parameter.
 */
public record ProbeRequest(String target, String module, Map<String, String> params) {
  public ProbeRequest {
    params = Map.copyOf(params);
  }

  /**
   * The credentials module named, from the config's {@code auth_modules} (postgres_exporter's
   * format), for a target at {@code host:port}; empty when none is named. An unknown name is an
   * IllegalArgumentException (a 400), a host outside the module's {@code allowed_targets} a
   * {@link io.exporters.common.config.TargetNotAllowedException} (a 403).
   */
  public Optional<AuthModule> authModule(CommonConfig common, String host, int port) {
    Optional<AuthModule> found = authModule(common);
    found.ifPresent(m -> m.checkTarget(module, host, port));
    return found;
  }

  private Optional<AuthModule> authModule(CommonConfig common) {
    if (module == null || module.isEmpty()) {
      return Optional.empty();
    }
    AuthModule found = common.authModules().get(module);
    if (found == null) {
      Map<String, AuthModule> known = common.authModules();
      throw new IllegalArgumentException("unknown auth_module '" + module + "'"
          + (known.isEmpty() ? " (none configured)"
              : " (configured: " + String.join(", ", new TreeSet<>(known.keySet())) + ")"));
    }
    return Optional.of(found);
  }

  /** Blackbox's {@code debug=true}: answer with the probe's log and metrics as text. */
  public boolean debug() {
    return "true".equalsIgnoreCase(params.get("debug"));
  }
}
