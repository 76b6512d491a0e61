package io.exporters.redis.settings;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A key or glob pattern in one database, as redis_exporter's key flags take them:
 * {@code db3=user:*}, {@code 3=user:*} or {@code user:*} (database 0), comma-separated and
 * URL-escaped ({@code %2C} for a comma in a key).
 */
public record KeyPattern(int db, String pattern) {
  /** Longest pattern accepted: longer ones are no key name anyone watches. */
  public static final int MAX_LENGTH = 1024;

  public KeyPattern {
    if (db < 0) {
      throw new IllegalArgumentException("negative database index " + db);
    }
    if (pattern.isEmpty() || pattern.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("a key pattern must have 1 to " + MAX_LENGTH
          + " characters");
    }
  }

  /** Whether SCAN must expand it (it holds one of the glob characters ? * [ ] ^). */
  public boolean isGlob() {
    for (int i = 0; i < pattern.length(); i++) {
      switch (pattern.charAt(i)) {
        case '?', '*', '[', ']', '^':
          return true;
        default:
          break;
      }
    }
    return false;
  }

  public String dbLabel() {
    return "db" + db;
  }

  /** The patterns of one flag value; empty for null or blank. */
  public static List<KeyPattern> parseList(String value) {
    List<KeyPattern> out = new ArrayList<>();
    if (value == null || value.isBlank()) {
      return out;
    }
    for (String item : value.split(",")) {
      if (item.isBlank()) {
        continue;
      }
      String[] parts = item.split("=", -1);
      if (parts.length > 2) {
        throw new IllegalArgumentException("'" + item.strip() + "' is not [db=]key");
      }
      String key = unescape(parts[parts.length - 1].strip(), item);
      int db = 0;
      if (parts.length == 2) {
        String dbText = parts[0].strip().replace("db", "");
        try {
          db = Integer.parseInt(dbText);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("'" + parts[0].strip()
              + "' is not a database index (db0, db1... or 0, 1...)");
        }
      }
      if (!key.isEmpty()) {
        out.add(new KeyPattern(db, key));
      }
    }
    return out;
  }

  private static String unescape(String key, String item) {
    try {
      return URLDecoder.decode(key, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + item.strip() + "' has a bad %-escape");
    }
  }
}
