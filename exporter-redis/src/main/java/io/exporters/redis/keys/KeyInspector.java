package io.exporters.redis.keys;

import io.exporters.redis.client.RedisConnection;
import io.exporters.redis.client.RedisError;
import io.exporters.redis.client.Replies;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the type, size and (short) value of keys in the selected database, pipelined in a few
 * round trips per batch: TYPE (and MEMORY USAGE), then the size command of each type (STRLEN,
 * LLEN, SCARD, ZCARD, HLEN, XLEN) with the first bytes of strings, then PFCOUNT for the strings
 * that are HyperLogLogs. Unlike redis_exporter it never sends PFCOUNT to a plain string, so the
 * server's error counters are not raised by the exporter.
 */
public final class KeyInspector {
  /** Strings longer than this have no value series: they are not counters or flags. */
  public static final int MAX_VALUE_BYTES = 1024;
  static final int BATCH = 256;
  private static final String HLL_MAGIC = "HYLL";

  /** What one key holds; size, value and memory are null when unknown. */
  public record KeyInfo(String key, String type, Double size, String value, Long memoryBytes) {}

  private KeyInspector() {}

  public static List<KeyInfo> inspect(RedisConnection connection, List<String> keys,
      boolean withMemory) {
    List<KeyInfo> out = new ArrayList<>(keys.size());
    for (int from = 0; from < keys.size(); from += BATCH) {
      batch(connection, keys.subList(from, Math.min(keys.size(), from + BATCH)), withMemory,
          out);
    }
    return out;
  }

  private static void batch(RedisConnection connection, List<String> keys, boolean withMemory,
      List<KeyInfo> out) {
    boolean memory = withMemory && connection.facts().allows("memory");
    List<String[]> first = new ArrayList<>(keys.size() * 2);
    for (String key : keys) {
      first.add(new String[] {"TYPE", key});
      if (memory) {
        first.add(new String[] {"MEMORY", "USAGE", key});
      }
    }
    List<Object> types = connection.pipeline(first);
    int step = memory ? 2 : 1;
    List<String[]> second = new ArrayList<>(keys.size());
    List<Integer> asked = new ArrayList<>(keys.size());
    String[] type = new String[keys.size()];
    Long[] bytes = new Long[keys.size()];
    for (int i = 0; i < keys.size(); i++) {
      type[i] = Replies.text(types.get(i * step));
      if (memory) {
        Object usage = types.get(i * step + 1);
        if (connection.refused("memory", usage)) {
          memory = false;
        } else if (!(usage instanceof RedisError)) {
          bytes[i] = Replies.number(usage);
        }
      }
      String size = sizeCommand(type[i]);
      if (size != null) {
        second.add(new String[] {size, keys.get(i)});
        asked.add(i);
        if (type[i].equals("string")) {
          second.add(new String[] {"GETRANGE", keys.get(i), "0",
              Integer.toString(MAX_VALUE_BYTES - 1)});
          asked.add(i);
        }
      }
    }
    List<Object> sizes = connection.pipeline(second);
    Double[] size = new Double[keys.size()];
    String[] value = new String[keys.size()];
    List<Integer> hyperLogLogs = new ArrayList<>();
    for (int j = 0; j < sizes.size(); j++) {
      int i = asked.get(j);
      Object reply = sizes.get(j);
      if (reply instanceof RedisError) {
        continue;
      }
      if (second.get(j)[0].equals("GETRANGE")) {
        String text = Replies.text(reply);
        if (text != null && text.startsWith(HLL_MAGIC)) {
          hyperLogLogs.add(i);
        } else if (size[i] != null && size[i] <= MAX_VALUE_BYTES) {
          value[i] = text;
        }
      } else {
        Long n = Replies.number(reply);
        size[i] = n == null ? null : n.doubleValue();
      }
    }
    List<String[]> third = new ArrayList<>(hyperLogLogs.size());
    for (int i : hyperLogLogs) {
      third.add(new String[] {"PFCOUNT", keys.get(i)});
    }
    List<Object> counts = connection.pipeline(third);
    for (int j = 0; j < counts.size(); j++) {
      Long n = counts.get(j) instanceof RedisError ? null : Replies.number(counts.get(j));
      size[hyperLogLogs.get(j)] = n == null ? null : n.doubleValue();
    }
    for (int i = 0; i < keys.size(); i++) {
      out.add(new KeyInfo(keys.get(i), type[i] == null ? "none" : type[i], size[i], value[i],
          bytes[i]));
    }
  }

  private static String sizeCommand(String type) {
    if (type == null) {
      return null;
    }
    return switch (type) {
      case "string" -> "STRLEN";
      case "list" -> "LLEN";
      case "set" -> "SCARD";
      case "zset" -> "ZCARD";
      case "hash" -> "HLEN";
      case "stream" -> "XLEN";
      default -> null;
    };
  }
}
