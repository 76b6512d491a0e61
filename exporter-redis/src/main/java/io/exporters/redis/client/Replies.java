package io.exporters.redis.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the raw replies of RESP2 commands: bulk strings, integers, arrays, nil. */
public final class Replies {
  private Replies() {}

  /** A bulk or status reply as text, an integer as its digits; null for nil. */
  public static String text(Object reply) {
    if (reply == null) {
      return null;
    }
    if (reply instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    if (reply instanceof RedisError error) {
      throw error;
    }
    return reply.toString();
  }

  /** An integer reply (or a bulk string holding one); null for nil or anything else. */
  public static Long number(Object reply) {
    if (reply instanceof Long l) {
      return l;
    }
    if (reply instanceof RedisError error) {
      throw error;
    }
    if (reply instanceof byte[]) {
      try {
        return Long.parseLong(text(reply).strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** An array reply; empty for nil. */
  @SuppressWarnings("unchecked")
  public static List<Object> list(Object reply) {
    if (reply instanceof RedisError error) {
      throw error;
    }
    return reply instanceof List<?> l ? (List<Object>) l : List.of();
  }

  /** A flat array of name, value, name, value... as a map of text (XINFO, CONFIG GET). */
  public static Map<String, Object> map(Object reply) {
    List<Object> items = list(reply);
    Map<String, Object> out = new LinkedHashMap<>(items.size());
    for (int i = 0; i + 1 < items.size(); i += 2) {
      out.put(text(items.get(i)), items.get(i + 1));
    }
    return out;
  }

  /** An array of bulk strings as text. */
  public static List<String> texts(Object reply) {
    List<Object> items = list(reply);
    List<String> out = new ArrayList<>(items.size());
    for (Object item : items) {
      out.add(text(item));
    }
    return out;
  }
}
