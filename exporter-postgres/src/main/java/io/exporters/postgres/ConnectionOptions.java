package io.exporters.postgres;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The libpq connection options a target may carry, and what each becomes for pgjdbc. Nothing else
 * reaches the driver: a target (from {@code /probe} above all) cannot name a socket factory,
 * server options, or anything that loads a class or changes the session.
 */
final class ConnectionOptions {
  /** libpq name → pgjdbc property. */
  private static final Map<String, String> DRIVER_NAMES = Map.of(
      "sslmode", "sslmode",
      "sslrootcert", "sslrootcert",
      "sslcert", "sslcert",
      "sslkey", "sslkey",
      "application_name", "ApplicationName",
      "connect_timeout", "connectTimeout");
  static final Set<String> ALLOWED = DRIVER_NAMES.keySet();
  /** Paths on the exporter's host: the operator's to name, never a /probe caller's. */
  private static final Set<String> FILES = Set.of("sslrootcert", "sslcert", "sslkey");
  private static final String APPLICATION_NAME = "[A-Za-z0-9 ._:-]{1,63}";
  private static final List<String> SSL_MODES =
      List.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");
  private static final int MAX_VALUE_LENGTH = 4096;

  private ConnectionOptions() {}

  /**
   * Checks and normalises options as given (libpq names): unknown names and bad values are
   * errors that name the option and never quote its value. Defaults are dropped, so equivalent
   * targets have equal options.
   */
  static Map<String, String> check(Map<String, String> given) {
    return check(given, PostgresDsn.Origin.CONFIG);
  }

  /** As {@link #check(Map)}; a /probe target may not name files on the exporter's host. */
  static Map<String, String> check(Map<String, String> given, PostgresDsn.Origin origin) {
    Map<String, String> out = new TreeMap<>();
    for (Map.Entry<String, String> e : given.entrySet()) {
      String name = e.getKey();
      String value = e.getValue();
      if (!ALLOWED.contains(name)) {
        throw new IllegalArgumentException("connection option '" + safeName(name)
            + "' is not allowed (allowed: " + String.join(", ", new TreeMap<>(DRIVER_NAMES)
            .keySet()) + ")");
      }
      if (origin == PostgresDsn.Origin.PROBE && FILES.contains(name)) {
        throw new IllegalArgumentException("connection option '" + name
            + "' names a file on the exporter's host: set it in an auth module instead");
      }
      if (value.length() > MAX_VALUE_LENGTH || value.indexOf('\0') >= 0) {
        throw new IllegalArgumentException("connection option '" + name + "' has a bad value");
      }
      switch (name) {
        case "sslmode":
          if (!SSL_MODES.contains(value)) {
            throw new IllegalArgumentException("connection option 'sslmode' must be one of "
                + String.join(", ", SSL_MODES));
          }
          if (value.equals("prefer")) {
            continue;
          }
          break;
        case "connect_timeout":
          if (!value.matches("[0-9]{1,6}")) {
            throw new IllegalArgumentException(
                "connection option 'connect_timeout' must be whole seconds");
          }
          break;
        case "application_name":
          if (!value.matches(APPLICATION_NAME)) {
            throw new IllegalArgumentException("connection option 'application_name' must be 1 "
                + "to 63 letters, digits, spaces or . _ : -");
          }
          break;
        default:
          break;
      }
      out.put(name, value);
    }
    return out;
  }

  /** pgjdbc properties for checked options; connect_timeout is left to the connector. */
  static Properties toDriver(Map<String, String> options) {
    Properties props = new Properties();
    for (Map.Entry<String, String> e : options.entrySet()) {
      if (!e.getKey().equals("connect_timeout")) {
        props.setProperty(DRIVER_NAMES.get(e.getKey()), e.getValue());
      }
    }
    return props;
  }

  /** An option name fit to repeat in an error: a caller's junk is cut, not echoed. */
  private static String safeName(String name) {
    return name.matches("[A-Za-z_][A-Za-z0-9_]{0,40}") ? name : "(malformed)";
  }
}
