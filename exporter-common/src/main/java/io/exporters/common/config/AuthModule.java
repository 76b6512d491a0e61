package io.exporters.common.config;

import io.exporters.common.secret.Secret;
import java.util.Map;

/**
 * {@code auth_modules.<name>:} credentials for {@code /probe?target=...&auth_module=<name>}, in
 * postgres_exporter's format: {@code type: userpass}, {@code userpass: {username, password}} and
 * driver {@code options}. The password may come from {@code password_file} instead.
 */
public record AuthModule(String type, UserPass userpass, Map<String, String> options) {
  public AuthModule {
    options = options == null ? Map.of() : Map.copyOf(options);
  }

  /** Username and password; {@code password_file} is read at load time into {@code password}. */
  public record UserPass(String username, Secret password, String passwordFile) {}
}
