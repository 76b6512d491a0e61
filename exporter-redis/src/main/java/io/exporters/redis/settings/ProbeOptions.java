package io.exporters.redis.settings;

import java.util.List;
import java.util.Map;

/**
 * What a {@code /scrape} request may add for its own target, as redis_exporter's /scrape
 * accepts: key, stream and count patterns. They travel as target options (so requests asking
 * for different checks never share a cached result) and are bounded in size.
 */
public final class ProbeOptions {
  public static final List<String> KEY_PARAMS = List.of("check-keys", "check-single-keys",
      "check-streams", "check-single-streams", "count-keys");
  /**
   * Set by the exporter, never by a request: the values of keys this request named may be
   * exported (it gave its own password, or the operator allowed it with --scrape-key-values).
   */
  public static final String REQUEST_KEY_VALUES = "exporter.request-key-values";
  static final int MAX_PATTERNS = 20;
  static final int MAX_LENGTH = 2048;

  private ProbeOptions() {}

  /** The patterns a request gave for {@code param}; IllegalArgumentException when malformed. */
  public static List<KeyPattern> patterns(Map<String, String> options, String param) {
    String value = options.get(param);
    if (value == null) {
      return List.of();
    }
    if (value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("parameter '" + param + "' is longer than "
          + MAX_LENGTH + " characters");
    }
    List<KeyPattern> patterns;
    try {
      patterns = KeyPattern.parseList(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("parameter '" + param + "': " + e.getMessage());
    }
    if (patterns.size() > MAX_PATTERNS) {
      throw new IllegalArgumentException("parameter '" + param + "' has more than "
          + MAX_PATTERNS + " patterns");
    }
    return patterns;
  }
}
