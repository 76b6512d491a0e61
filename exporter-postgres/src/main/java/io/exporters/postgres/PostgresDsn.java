package io.exporters.postgres;

import io.exporters.common.config.Secret;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A libpq connection string, in URI form ({@code postgresql://user:pass@host:port/db?sslmode=x})
 * or key=value form ({@code host=h port=5432 user=u dbname=d}), as DATA_SOURCE_NAME takes it.
 * The password is kept apart so the address can be logged and shown.
 */
public record PostgresDsn(String host, int port, String database, String user, Secret password,
    Map<String, String> params) {

  public PostgresDsn {
    params = Map.copyOf(params);
  }

  public static PostgresDsn parse(String dsn) {
    String s = dsn == null ? "" : dsn.trim();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty data source name");
    }
    return s.startsWith("postgresql://") || s.startsWith("postgres://") ? parseUri(s)
        : parseKeyValue(s);
  }

  private static PostgresDsn parseUri(String s) {
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
      user = decode(colon < 0 ? info : info.substring(0, colon));
      if (colon >= 0) {
        password = Secret.of(decode(info.substring(colon + 1)));
      }
    }
    String database = "postgres";
    int slash = rest.indexOf('/');
    if (slash >= 0) {
      if (slash + 1 < rest.length()) {
        database = decode(rest.substring(slash + 1));
      }
      rest = rest.substring(0, slash);
    }
    String host = rest.isEmpty() ? "localhost" : rest;
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
      params.put(decode(eq < 0 ? pair : pair.substring(0, eq)),
          eq < 0 ? "" : decode(pair.substring(eq + 1)));
    }
    if (params.containsKey("password")) {
      password = Secret.of(params.remove("password"));
    }
    if (params.containsKey("user")) {
      user = params.remove("user");
    }
    return new PostgresDsn(host, port, database, user, password, params);
  }

  private static PostgresDsn parseKeyValue(String s) {
    Map<String, String> kv = new LinkedHashMap<>();
    for (String part : s.split("\\s+")) {
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "'" + part + "' is neither a postgresql:// URI nor key=value");
      }
      kv.put(part.substring(0, eq), unquote(part.substring(eq + 1)));
    }
    String host = kv.getOrDefault("host", "localhost");
    int port = kv.containsKey("port") ? port(kv.remove("port")) : 5432;
    kv.remove("host");
    String database = kv.containsKey("dbname") ? kv.remove("dbname") : "postgres";
    String user = kv.remove("user");
    String pw = kv.remove("password");
    return new PostgresDsn(host, port, database, user, pw == null ? null : Secret.of(pw), kv);
  }

  /** host:port/database, safe to log. */
  public String address() {
    return host + ":" + port + "/" + database;
  }

  public String jdbcUrl() {
    StringBuilder url = new StringBuilder("jdbc:postgresql://");
    boolean socket = host.startsWith("/");
    url.append(socket ? "localhost" : host).append(':').append(port).append('/').append(database);
    return url.toString();
  }

  private static int port(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("port '" + text + "' is not a number");
    }
  }

  private static String unquote(String v) {
    return v.length() >= 2 && v.startsWith("'") && v.endsWith("'") ? v.substring(1, v.length() - 1)
        : v;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
