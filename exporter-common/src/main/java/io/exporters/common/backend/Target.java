package io.exporters.common.backend;

import io.exporters.common.secret.Secret;
import java.util.Map;
import java.util.Objects;

/**
 * One backend to scrape: its address (never holding a password), the auth module it was asked
 * with, and credentials and driver options from that module or the default target's config.
 * {@code probed}: named by a /probe request, so its connections come from the probes' own budget
 * and can never take the configured targets'. {@code derived}: reached through another target
 * (another database of its server, another node of its cluster); its idle connections close
 * soon after use instead of waiting for the next scrape.
 */
public record Target(
    String address, String authModule, String username, Secret password,
    Map<String, String> options, boolean probed, boolean derived) {

  public Target {
    Objects.requireNonNull(address, "address");
    authModule = authModule == null ? "" : authModule;
    options = Map.copyOf(options == null ? Map.of() : options);
  }

  /** A configured target (not probed, not derived). */
  public Target(String address, String authModule, String username, Secret password,
      Map<String, String> options) {
    this(address, authModule, username, password, options, false, false);
  }

  public static Target of(String address) {
    return new Target(address, "", null, null, Map.of());
  }

  /**
   * Identity for connection pools, rounds in flight and caches: address, user, a digest of the
   * password, the options, and whether a /probe named it. The auth module's name is not part of
   * it; what it supplies is.
   */
  public TargetKey key() {
    return new TargetKey(address, username, Credentials.digest(password), options, probed);
  }

  /** The same target, as a /probe request names it. */
  public Target asProbed() {
    return new Target(address, authModule, username, password, options, true, derived);
  }

  /** Another address reached through this target's login: derived from it. */
  public Target withAddress(String newAddress) {
    return new Target(newAddress, authModule, username, password, options, probed, true);
  }

  @Override
  public String toString() {
    return address;
  }
}
