package io.exporters.scraper.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;

/**
 * Reads a filter: comparisons ({@code == != < <= > >=}) of paths and literals (strings, numbers,
 * true, false, null), existence tests, {@code !}, {@code &&}, {@code ||} and parentheses.
 */
final class FilterParser {
  private static final List<String> OPERATORS = List.of("==", "!=", "<=", ">=", "<", ">");

  private final PathParser in;

  FilterParser(PathParser in) {
    this.in = in;
  }

  JsonFilter or() {
    JsonFilter left = and();
    in.skipSpaces();
    while (in.startsWith("||")) {
      in.advance(2);
      JsonFilter a = left;
      JsonFilter b = and();
      left = (e, r) -> a.test(e, r) || b.test(e, r);
      in.skipSpaces();
    }
    return left;
  }

  private JsonFilter and() {
    JsonFilter left = unary();
    in.skipSpaces();
    while (in.startsWith("&&")) {
      in.advance(2);
      JsonFilter a = left;
      JsonFilter b = unary();
      left = (e, r) -> a.test(e, r) && b.test(e, r);
      in.skipSpaces();
    }
    return left;
  }

  private JsonFilter unary() {
    in.skipSpaces();
    if (in.peek('!') && !in.startsWith("!=")) {
      in.advance(1);
      JsonFilter inner = unary();
      return (e, r) -> !inner.test(e, r);
    }
    if (in.consume('(')) {
      JsonFilter inner = or();
      in.skipSpaces();
      in.expect(')');
      return inner;
    }
    JsonFilter.Operand left = operand();
    in.skipSpaces();
    for (String op : OPERATORS) {
      if (in.startsWith(op)) {
        in.advance(op.length());
        in.skipSpaces();
        return JsonFilter.compare(left, op, operand());
      }
    }
    return JsonFilter.exists(left);
  }

  private JsonFilter.Operand operand() {
    in.skipSpaces();
    if (in.peek('@') || in.peek('$')) {
      return JsonFilter.path(in.path(true));
    }
    if (in.peek('\'') || in.peek('"')) {
      return JsonFilter.literal(JsonFilter.text(in.quoted()));
    }
    int start = in.position();
    while (!in.atEnd() && (Character.isLetterOrDigit(peekChar()) || "+-.".indexOf(peekChar()) >= 0)) {
      in.advance(1);
    }
    String word = in.since(start);
    JsonNode value;
    switch (word) {
      case "true":
        value = JsonNodeFactory.instance.booleanNode(true);
        break;
      case "false":
        value = JsonNodeFactory.instance.booleanNode(false);
        break;
      case "null":
        value = JsonNodeFactory.instance.nullNode();
        break;
      default:
        try {
          value = JsonNodeFactory.instance.numberNode(Double.parseDouble(word));
        } catch (NumberFormatException e) {
          throw in.error("a path, a quoted string, a number, true, false or null");
        }
    }
    return JsonFilter.literal(value);
  }

  private char peekChar() {
    char c = in.next();
    in.advance(-1);
    return c;
  }
}
