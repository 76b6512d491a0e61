package io.exporters.postgres;

import io.exporters.common.secret.Secret;
import io.exporters.postgres.target.DatabaseAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A libpq connection string, in URI form ({@code postgresql://user:pass@host:port/db?sslmode=x})
 * or key=value form ({@code host=h port=5432 user=u dbname=d}, values optionally single-quoted),
 * as DATA_SOURCE_NAME and /probe take it. Connection options pass only through
 * {@link ConnectionOptions}. The password is kept apart so the address can be logged and shown;
 * no error message quotes a value, so none can quote a password.
 */
public record PostgresDsn(String host, int port, String database, String user, Secret password,
    Map<String, String> params) {
  private static final Pattern KEY_VALUE_START = Pattern.compile("^\\s*[A-Za-z_]+\\s*=");
  private static final String DEFAULT_DATABASE = "postgres";

  public PostgresDsn {
    params = Map.copyOf(params);
  }

  /** Where the string came from, which decides what may be left out. */
  public enum Origin {
    /** The operator's DATA_SOURCE_NAME: host defaults to localhost, socket paths to localhost. */
    CONFIG,
    /** A /probe target: the host must be given; a bare {@code host:port/db} is a URI. */
    PROBE
  }

  public static PostgresDsn parse(String dsn) {
    return parse(dsn, Origin.CONFIG);
  }

  public static PostgresDsn parse(String dsn, Origin origin) {
    String s = dsn == null ? "" : dsn.trim();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty data source name");
    }
    if (s.startsWith("postgresql://") || s.startsWith("postgres://")) {
      return parseUri(s, origin);
    }
    if (KEY_VALUE_START.matcher(s).find()) {
      return fromKeyValues(KeyValueDsn.parse(s), origin);
    }
    if (origin == Origin.PROBE && !s.contains("://")) {
      return parseUri("postgresql://" + s, origin);
    }
    throw new IllegalArgumentException(
        "neither a postgresql:// URI nor key=value pairs (such as host=db port=5432 dbname=app)");
  }

  private static PostgresDsn parseUri(String s, Origin origin) {
    String rest = s.substring(s.indexOf("://") + 3);
    String query = "";
    int q = rest.indexOf('?');
    if (q >= 0) {
      query = rest.substring(q + 1);
      rest = rest.substring(0, q);
    }
    String user = null;
    Secret password = null;
    int at = rest.lastIndexOf('@');
    if (at >= 0) {
      String info = rest.substring(0, at);
      rest = rest.substring(at + 1);
      int colon = info.indexOf(':');
      user = decode(colon < 0 ? info : info.substring(0, colon), "user");
      if (colon >= 0) {
        password = Secret.of(decode(info.substring(colon + 1), "password"));
      }
    }
    String database = DEFAULT_DATABASE;
    int slash = rest.indexOf('/');
    if (slash >= 0) {
      if (slash + 1 < rest.length()) {
        database = decode(rest.substring(slash + 1), "database");
      }
      rest = rest.substring(0, slash);
    }
    String host = rest;
    int port = 5432;
    int colon = host.lastIndexOf(':');
    if (colon >= 0 && !host.endsWith("]")) {
      port = port(host.substring(colon + 1));
      host = host.substring(0, colon);
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq), "option name");
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1), "option " + name);
      if (params.put(name, value) != null) {
        throw new IllegalArgumentException("connection option '" + name + "' given twice");
      }
    }
    if (params.containsKey("password")) {
      password = Secret.of(params.remove("password"));
    }
    if (params.containsKey("user")) {
      user = params.remove("user");
    }
    if (params.containsKey("dbname")) {
      database = params.remove("dbname");
    }
    for (String positional : new String[] {"host", "hostaddr", "port"}) {
      if (params.containsKey(positional)) {
        throw new IllegalArgumentException("give the host and port before the path, not as '"
            + positional + "' in the query");
      }
    }
    return build(host, port, database, user, password, params, origin);
  }

  private static PostgresDsn fromKeyValues(Map<String, String> kv, Origin origin) {
    String host = kv.remove("host");
    if (host == null && origin == Origin.PROBE) {
      throw new IllegalArgumentException("host is missing (give host=...)");
    }
    if (kv.containsKey("hostaddr")) {
      throw new IllegalArgumentException("hostaddr is not supported; give host=...");
    }
    int port = kv.containsKey("port") ? port(kv.remove("port")) : 5432;
    String database = kv.containsKey("dbname") ? kv.remove("dbname") : DEFAULT_DATABASE;
    String user = kv.remove("user");
    String pw = kv.remove("password");
    return build(host == null ? "localhost" : host, port, database, user,
        pw == null ? null : Secret.of(pw), kv, origin);
  }

  private static PostgresDsn build(String host, int port, String database, String user,
      Secret password, Map<String, String> params, Origin origin) {
    if (host.startsWith("/")) {
      if (origin == Origin.PROBE) {
        throw new IllegalArgumentException("a Unix-socket host is not accepted from /probe");
      }
      // pgjdbc speaks TCP only: the server's socket directory means this machine.
      host = "localhost";
    }
    if (host.isEmpty()) {
      if (origin == Origin.PROBE) {
        throw new IllegalArgumentException("host is missing");
      }
      host = "localhost";
    }
    if (user != null && user.isEmpty()) {
      user = null;
    }
    // Checks host, port and database name.
    DatabaseAddress address = new DatabaseAddress(host, port, database);
    if (user != null && !DatabaseAddress.isValidName(user)) {
      throw new IllegalArgumentException("the user name is not valid");
    }
    return new PostgresDsn(address.host(), port, database, user, password,
        ConnectionOptions.check(params, origin));
  }

  /** host:port/database, safe to log. */
  public String address() {
    return new DatabaseAddress(host, port, database).toString();
  }

  private static int port(String text) {
    if (text.matches("[0-9]{1,5}")) {
      int port = Integer.parseInt(text);
      if (port > 0 && port <= 65535) {
        return port;
      }
    }
    throw new IllegalArgumentException("the port is not a number from 1 to 65535");
  }

  private static String decode(String s, String what) {
    try {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the " + what + " has a malformed %-escape");
    }
  }
}
