package io.exporters.common.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exporters.common.secret.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The one way YAML becomes settings: the config file, the web config file and exporters' own
 * files (a queries file) are read here and bound to records here, and every Jackson error is
 * translated here into a {@link ConfigException} that names where the value came from and the
 * key. A value is quoted in an error only when it cannot be a secret.
 */
public final class YamlBinding {
  private static final ObjectMapper MAPPER = ConfigMapper.create();

  private YamlBinding() {}

  /** A file's top-level map; an empty file is an empty map. {@code what}: "config file"... */
  public static ObjectNode read(Path file, String what) throws ConfigException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException("cannot read " + what + " " + file + ": " + ioReason(e));
    }
    try {
      JsonNode node = MAPPER.readTree(text);
      if (node == null || node.isNull() || node.isMissingNode()) {
        return JsonNodeFactory.instance.objectNode();
      }
      if (!node.isObject()) {
        throw new ConfigException(what + " " + file + ": the top level must be a map of keys");
      }
      return (ObjectNode) node;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new ConfigException(what + " " + file + ": invalid YAML"
          + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
          + ": " + firstLine(e.getOriginalMessage()));
    }
  }

  /**
   * Binds {@code node} to {@code type}. {@code sourceOf} names where the value at a dotted key
   * came from ("config file x", "flag --y"); {@code topLevelKeys} are further keys known at the
   * top level, listed in an unknown-key error.
   */
  public static <T> T bind(JsonNode node, Class<T> type, Function<String, String> sourceOf,
      Set<String> topLevelKeys) throws ConfigException {
    return bind("", node, type, sourceOf, topLevelKeys);
  }

  /** As {@link #bind}, for the part of a file at key {@code prefix} (errors name full keys). */
  public static <T> T bindAt(String prefix, JsonNode node, Class<T> type,
      Function<String, String> sourceOf) throws ConfigException {
    return bind(prefix, node, type, sourceOf, Set.of());
  }

  private static <T> T bind(String prefix, JsonNode node, Class<T> type,
      Function<String, String> sourceOf, Set<String> topLevelKeys) throws ConfigException {
    try {
      return MAPPER.treeToValue(node, type);
    } catch (UnrecognizedPropertyException e) {
      String path = keyPath(prefix, e);
      TreeSet<String> known = new TreeSet<>();
      Collection<Object> ids = e.getKnownPropertyIds();
      if (ids != null) {
        ids.forEach(k -> known.add(String.valueOf(k)));
      }
      if (!path.contains(".")) {
        known.addAll(topLevelKeys);
      }
      throw new ConfigException(sourceOf.apply(path) + ": unknown key '" + path + "'"
          + (known.isEmpty() ? "" : " (known keys here: " + String.join(", ", known) + ")"));
    } catch (InvalidFormatException e) {
      String path = keyPath(prefix, e);
      String reason = e.getTargetType() == Duration.class ? firstLine(e.getOriginalMessage())
          : "expected " + typeName(e.getTargetType()) + ", got "
              + describe(e.getTargetType(), node.at(pointer(e)));
      throw new ConfigException(sourceOf.apply(path) + ": key '" + path + "': " + reason);
    } catch (MismatchedInputException e) {
      String path = keyPath(prefix, e);
      throw new ConfigException(sourceOf.apply(path) + ": key '" + path + "': expected "
          + typeName(e.getTargetType()) + ", got " + describe(e.getTargetType(),
              node.at(pointer(e))));
    } catch (JsonMappingException e) {
      String path = keyPath(prefix, e);
      throw new ConfigException(sourceOf.apply(path) + ": key '" + path + "': "
          + firstLine(e.getOriginalMessage()));
    } catch (JsonProcessingException e) {
      throw new ConfigException(sourceOf.apply(prefix) + ": " + firstLine(e.getOriginalMessage()));
    }
  }

  /** Why a read failed, without the stack of wrapping Java adds. */
  public static String ioReason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** The dotted key a Jackson error is about, e.g. {@code scrape.timeout} or {@code a[2].b}. */
  private static String keyPath(String prefix, JsonMappingException e) {
    StringBuilder out = new StringBuilder(prefix);
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  private static String pointer(JsonMappingException e) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      out.append('/');
      if (ref.getFieldName() != null) {
        out.append(ref.getFieldName().replace("~", "~0").replace("/", "~1"));
      } else {
        out.append(ref.getIndex());
      }
    }
    return out.toString();
  }

  private static String typeName(Class<?> type) {
    if (type == null) {
      return "a different value";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (type == Double.class || type == double.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class || type == Secret.class) {
      return "a string";
    }
    if (type == Duration.class) {
      return "a duration such as 10s";
    }
    if (Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    return "a map of keys";
  }

  private static String describe(Class<?> target, JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return "nothing";
    }
    if (node.isObject()) {
      return "a map";
    }
    if (node.isArray()) {
      return "a list";
    }
    // A secret is never repeated, not even a malformed one.
    return target == Secret.class ? "a value that is not shown" : "'" + node.asText() + "'";
  }

  static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).trim();
  }
}
