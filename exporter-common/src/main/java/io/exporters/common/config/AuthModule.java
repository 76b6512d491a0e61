package io.exporters.common.config;

import io.exporters.common.secret.Secret;
import java.util.List;
import java.util.Map;

/**
 * {@code auth_modules.<name>:} credentials for {@code /probe?target=...&auth_module=<name>}, in
 * postgres_exporter's format: {@code type: userpass}, {@code userpass: {username, password}} and
 * driver {@code options}. The password may come from {@code password_file} instead.
 * {@code allowed_targets} lists the hosts the module's credentials may be sent to; without it a
 * caller of /probe may send them to any host it names.
 */
public record AuthModule(String type, UserPass userpass, Map<String, String> options,
    List<String> allowedTargets) {
  public AuthModule {
    options = options == null ? Map.of() : Map.copyOf(options);
    allowedTargets = allowedTargets == null ? List.of() : List.copyOf(allowedTargets);
  }

  public AuthModule(String type, UserPass userpass, Map<String, String> options) {
    this(type, userpass, options, List.of());
  }

  /** Username and password; {@code password_file} is read at load time into {@code password}. */
  public record UserPass(String username, Secret password, String passwordFile) {}

  /** Whether a password goes wherever a caller points it: a password and no allowed_targets. */
  public boolean unrestricted() {
    return allowedTargets.isEmpty() && userpass != null && userpass.password() != null
        && !userpass.password().isEmpty();
  }

  /**
   * Refuses a target host outside {@code allowed_targets} (checked when the config was loaded);
   * {@code name} is the module's name, for the message.
   */
  public void checkTarget(String name, String host, int port) {
    if (allowedTargets.isEmpty()) {
      return;
    }
    for (String pattern : allowedTargets) {
      if (TargetPattern.parse(pattern).matches(host, port)) {
        return;
      }
    }
    throw new TargetNotAllowedException("target host " + host + ":" + port
        + " is not in auth_module '" + name + "' allowed_targets");
  }
}
