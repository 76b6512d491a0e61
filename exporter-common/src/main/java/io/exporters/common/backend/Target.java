package io.exporters.common.backend;

import io.exporters.common.secret.Secret;
import java.util.Map;
import java.util.Objects;

/**
 * One backend to scrape: its address (never holding a password), the auth module it was asked
 * with, and credentials and driver options from that module or the default target's config.
 */
public record Target(
    String address, String authModule, String username, Secret password,
    Map<String, String> options) {

  public Target {
    Objects.requireNonNull(address, "address");
    authModule = authModule == null ? "" : authModule;
    options = Map.copyOf(options == null ? Map.of() : options);
  }

  public static Target of(String address) {
    return new Target(address, "", null, null, Map.of());
  }

  /**
   * Identity for connection pools, rounds in flight and caches: address, user, a digest of the
   * password and the options. The auth module's name is not part of it; what it supplies is.
   */
  public TargetKey key() {
    return new TargetKey(address, username, Credentials.digest(password), options);
  }

  public Target withAddress(String newAddress) {
    return new Target(newAddress, authModule, username, password, options);
  }

  @Override
  public String toString() {
    return address;
  }
}
