package io.exporters.redis.info;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The composite INFO values {@code a=1,b=2,...} (keyspace, commandstats, replicas, sentinel
 * masters, latency percentiles), read by name and never by position: forks and newer versions
 * add, drop and reorder fields.
 */
public final class Pairs {
  private Pairs() {}

  /**
   * The number of one part ({@code calls} in {@code calls=21,usec=175}) without taking the rest
   * apart; null when absent or not a number.
   */
  public static Double number(String value, String name) {
    int from = 0;
    int length = value.length();
    while (from < length) {
      int comma = value.indexOf(',', from);
      int end = comma < 0 ? length : comma;
      if (value.startsWith(name, from) && from + name.length() < end
          && value.charAt(from + name.length()) == '=') {
        return Numbers.parse(value.substring(from + name.length() + 1, end));
      }
      from = end + 1;
    }
    return null;
  }

  /** Every {@code name=value} part in order; parts without '=' are skipped. */
  public static Map<String, String> parse(String value) {
    Map<String, String> out = new LinkedHashMap<>(8);
    int start = 0;
    int length = value.length();
    while (start <= length) {
      int comma = value.indexOf(',', start);
      int end = comma < 0 ? length : comma;
      int eq = value.indexOf('=', start);
      if (eq > start && eq < end) {
        out.put(value.substring(start, eq).strip(), value.substring(eq + 1, end).strip());
      }
      if (comma < 0) {
        break;
      }
      start = comma + 1;
    }
    return out;
  }
}
