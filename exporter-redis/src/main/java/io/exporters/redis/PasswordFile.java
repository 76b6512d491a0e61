package io.exporters.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exporters.common.secret.Secret;
import io.exporters.redis.client.RedisAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * redis_exporter's password file: a JSON object from target URI to password,
 * {@code {"redis://host:6379": "pw", "redis://user@host:6380": "pw2"}}. Keys are compared by
 * what they mean (scheme, user, host, port), so {@code host:6379} and
 * {@code redis://host:6379} are one target; an entry without a user also serves any user of
 * that address that has no entry of its own. Every password is masked wherever text shows it.
 */
final class PasswordFile {
  static final PasswordFile EMPTY = new PasswordFile(Map.of());

  private final Map<String, Secret> byTarget;

  private PasswordFile(Map<String, Secret> byTarget) {
    this.byTarget = byTarget;
  }

  /** Parses the file's text; problems name the entry (its key), never a password. */
  static PasswordFile parse(String json) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a JSON object of target URI to password (line "
          + e.getLocation().getLineNr() + ")");
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("not a JSON object of target URI to password");
    }
    Map<String, Secret> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      if (!e.getValue().isTextual()) {
        throw new IllegalArgumentException("entry '" + e.getKey()
            + "': the password must be a string");
      }
      RedisAddress address;
      try {
        address = RedisAddress.parse(e.getKey());
      } catch (IllegalArgumentException bad) {
        throw new IllegalArgumentException("entry '" + e.getKey() + "': " + bad.getMessage());
      }
      out.put(key(address, address.username()), Secret.configured(e.getValue().asText()));
    }
    return new PasswordFile(out);
  }

  /** The password for a user (null for none) at an address. */
  Optional<Secret> lookup(RedisAddress address, String user) {
    Secret exact = byTarget.get(key(address, user));
    return Optional.ofNullable(exact != null ? exact : byTarget.get(key(address, null)));
  }

  int size() {
    return byTarget.size();
  }

  private static String key(RedisAddress address, String user) {
    return (address.tls() ? "rediss://" : "redis://")
        + (user == null || user.isEmpty() ? "" : user + "@") + address.hostPort();
  }
}
