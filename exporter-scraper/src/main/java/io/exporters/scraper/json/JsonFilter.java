package io.exporters.scraper.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** A filter expression of {@code [?(...)]}, tested on each member or element. */
interface JsonFilter {
  boolean test(JsonNode element, JsonNode root);

  /** A value in a filter: a path from the element or the root, or a literal. */
  interface Operand {
    JsonNode value(JsonNode element, JsonNode root);
  }

  static Operand path(JsonPath path) {
    return (element, root) -> path.first(element, root);
  }

  static Operand literal(JsonNode value) {
    return (element, root) -> value;
  }

  /** {@code @.a}: the path selects something that is not null. */
  static JsonFilter exists(Operand operand) {
    return (element, root) -> {
      JsonNode v = operand.value(element, root);
      return v != null && !v.isNull() && !(v.isBoolean() && !v.asBoolean());
    };
  }

  static JsonFilter compare(Operand left, String op, Operand right) {
    return (element, root) -> {
      JsonNode a = left.value(element, root);
      JsonNode b = right.value(element, root);
      if (a == null || b == null) {
        return op.equals("!=") && (a == null) != (b == null);
      }
      int cmp;
      if (a.isNumber() && b.isNumber()) {
        cmp = Double.compare(a.asDouble(), b.asDouble());
      } else if (a.isValueNode() && b.isValueNode() && !a.isNumber() && !b.isNumber()) {
        cmp = a.asText().compareTo(b.asText());
      } else {
        return op.equals("!=") ? !a.equals(b) : op.equals("==") && a.equals(b);
      }
      switch (op) {
        case "==":
          return cmp == 0;
        case "!=":
          return cmp != 0;
        case "<":
          return cmp < 0;
        case "<=":
          return cmp <= 0;
        case ">":
          return cmp > 0;
        default:
          return cmp >= 0;
      }
    };
  }

  static JsonNode text(String s) {
    return JsonNodeFactory.instance.textNode(s);
  }
}
