package io.exporters.common.backend;

import java.util.Map;

/**
 * The identity of a backend target: what a connection pool, a round of scrapes in flight and a
 * cached result belong to. Two targets are the same only when address, user, credentials and
 * driver options all match, so no caller is ever served through another caller's login. The
 * password is kept only as a keyed digest. A target /probe names is never the configured one,
 * even at the same address: its pool and rounds are its own.
 */
public record TargetKey(
    String address, String username, String credentialDigest, Map<String, String> options,
    boolean probed) {
  public TargetKey {
    username = username == null ? "" : username;
    options = Map.copyOf(options);
  }

  public TargetKey(String address, String username, String credentialDigest,
      Map<String, String> options) {
    this(address, username, credentialDigest, options, false);
  }
}
