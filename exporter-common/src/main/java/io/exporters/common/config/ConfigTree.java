package io.exporters.common.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The merged config before binding: the YAML file's tree with environment and flag values laid
 * over it, remembering which key came from where so errors can name the flag or variable.
 */
public final class ConfigTree {
  private final ObjectNode root;
  private final String fileSource;
  private final java.nio.file.Path file;
  private final Map<String, String> origins = new LinkedHashMap<>();

  ConfigTree(ObjectNode root, String fileSource, java.nio.file.Path file) {
    this.root = root;
    this.fileSource = fileSource;
    this.file = file;
  }

  /** The config file the tree started from; null when there was none. */
  public java.nio.file.Path file() {
    return file;
  }

  public ObjectNode root() {
    return root;
  }

  public boolean has(String path) {
    return node(path).isPresent();
  }

  public Optional<JsonNode> node(String path) {
    JsonNode node = root;
    for (String part : path.split("\\.")) {
      node = node == null ? null : node.get(part);
    }
    return Optional.ofNullable(node).filter(n -> !n.isMissingNode() && !n.isNull());
  }

  public void set(String path, String value, FlagSpec.Kind kind, String origin)
      throws ConfigException {
    JsonNode node;
    switch (kind) {
      case BOOL:
        node = JsonNodeFactory.instance.booleanNode(parseBool(value, origin));
        break;
      case LIST: {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (String part : value.split(",")) {
          if (!part.isBlank()) {
            array.add(part.trim());
          }
        }
        node = array;
        break;
      }
      default:
        node = JsonNodeFactory.instance.textNode(value);
    }
    set(path, node, origin);
  }

  public void set(String path, JsonNode value, String origin) throws ConfigException {
    String[] parts = path.split("\\.");
    ObjectNode parent = root;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode child = parent.get(parts[i]);
      if (child == null || child.isNull() || child.isBoolean()) {
        // A boolean here is the shorthand "collectors.x: true"; expand it to a map.
        ObjectNode expanded = parent.putObject(parts[i]);
        if (child != null && child.isBoolean()) {
          expanded.put("enabled", child.booleanValue());
        }
        child = expanded;
      } else if (!child.isObject()) {
        throw new ConfigException(origin + ": key '" + String.join(".", java.util.Arrays.copyOf(
            parts, i + 1)) + "' is not a map in " + sourceOf(path));
      }
      parent = (ObjectNode) child;
    }
    parent.set(parts[parts.length - 1], value);
    origins.put(path, origin);
  }

  /** Takes the value at {@code path} out of the tree, if there is one; its origin is kept. */
  public Optional<JsonNode> remove(String path) {
    int dot = path.lastIndexOf('.');
    JsonNode parent = dot < 0 ? root : node(path.substring(0, dot)).orElse(null);
    if (parent == null || !parent.isObject()) {
      return Optional.empty();
    }
    return Optional.ofNullable(((ObjectNode) parent).remove(path.substring(dot + 1)));
  }

  /** Where the value at {@code path} (or the closest enclosing key set by env/flag) came from. */
  public String sourceOf(String path) {
    for (Map.Entry<String, String> e : origins.entrySet()) {
      if (e.getKey().startsWith(path + ".")) {
        return e.getValue();
      }
    }
    String p = path;
    while (true) {
      String origin = origins.get(p);
      if (origin != null) {
        return origin;
      }
      int dot = p.lastIndexOf('.');
      if (dot < 0) {
        return fileSource;
      }
      p = p.substring(0, dot);
    }
  }

  private static boolean parseBool(String value, String origin) throws ConfigException {
    switch (value.trim().toLowerCase()) {
      case "true":
      case "1":
      case "yes":
        return true;
      case "false":
      case "0":
      case "no":
        return false;
      default:
        throw new ConfigException(origin + ": expected true or false, got '" + value + "'");
    }
  }
}
