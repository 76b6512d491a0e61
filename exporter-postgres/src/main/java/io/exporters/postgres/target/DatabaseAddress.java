package io.exporters.postgres.target;

import java.util.regex.Pattern;

/**
 * Where a target connects: host, port and database, as {@code host:port/database} in a
 * {@code Target}'s address. The database name may hold any character but NUL (a server's own
 * database names included), so it is never put into a URL: the connector hands each part to the
 * driver as a property of its own.
 */
public record DatabaseAddress(String host, int port, String database) {
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._-]{1,253}|\\[[0-9A-Fa-f:.]+]");
  /** PostgreSQL's NAMEDATALEN - 1, in bytes; longer names are cut by the server. */
  private static final int MAX_NAME_BYTES = 63;

  public DatabaseAddress {
    if (!HOST.matcher(host).matches()) {
      throw new IllegalArgumentException("the host is not a host name or an IP address");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("the port is not a number from 1 to 65535");
    }
    if (!isValidName(database)) {
      throw new IllegalArgumentException("the database name is not valid");
    }
  }

  /** A database or role name the server can hold: 1-63 bytes, no NUL. */
  public static boolean isValidName(String name) {
    return name != null && !name.isEmpty() && name.indexOf('\0') < 0
        && name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= MAX_NAME_BYTES;
  }

  /** The inverse of {@link #toString()}: the host has no '/', so the first '/' ends it. */
  public static DatabaseAddress parse(String address) {
    int slash = address.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("the address has no database");
    }
    String server = address.substring(0, slash);
    int colon = server.lastIndexOf(':');
    if (colon < 0 || server.endsWith("]")) {
      throw new IllegalArgumentException("the address has no port");
    }
    String port = server.substring(colon + 1);
    if (!port.matches("[0-9]{1,5}")) {
      throw new IllegalArgumentException("the port is not a number from 1 to 65535");
    }
    return new DatabaseAddress(server.substring(0, colon), Integer.parseInt(port),
        address.substring(slash + 1));
  }

  /** postgres_exporter's {@code server} label: host:port. */
  public String server() {
    return host + ":" + port;
  }

  public DatabaseAddress withDatabase(String other) {
    return new DatabaseAddress(host, port, other);
  }

  /** host:port/database, safe to log (no credentials). */
  @Override
  public String toString() {
    return server() + "/" + database;
  }
}
