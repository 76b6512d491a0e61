package io.exporters.scraper.json;

import java.util.ArrayList;
import java.util.List;

/** Reads JSONPath text from a position: the steps of a path, and the operands of a filter. */
final class PathParser {
  private final String s;
  private int pos;

  PathParser(String s, int pos) {
    this.s = s;
    this.pos = pos;
  }

  int position() {
    return pos;
  }

  boolean atEnd() {
    return pos >= s.length();
  }

  /** A path starting here: {@code $...}, {@code @...}, or a json_exporter {@code .a}. */
  JsonPath path(boolean dotIsRelative) {
    boolean relative;
    if (peek('$')) {
      pos++;
      relative = false;
    } else if (peek('@')) {
      pos++;
      relative = true;
    } else if (peek('.') || peek('[')) {
      relative = dotIsRelative;
    } else {
      throw error("a JSONPath starts with $, @ or .");
    }
    List<Step> steps = new ArrayList<>();
    while (!atEnd()) {
      if (s.startsWith("..", pos)) {
        pos += 2;
        steps.add(new Step.Descendants(peek('[') ? bracket() : dotted()));
      } else if (peek('.')) {
        pos++;
        steps.add(dotted());
      } else if (peek('[')) {
        steps.add(bracket());
      } else {
        break;
      }
    }
    return new JsonPath(s, relative, steps);
  }

  private Step dotted() {
    if (peek('*')) {
      pos++;
      return new Step.Wildcard();
    }
    int start = pos;
    while (!atEnd() && (Character.isLetterOrDigit(s.charAt(pos)) || "_-$:".indexOf(s.charAt(pos)) >= 0
        || s.charAt(pos) > 0x7f)) {
      pos++;
    }
    if (start == pos) {
      throw error("a name after '.'");
    }
    return new Step.Child(s.substring(start, pos));
  }

  private Step bracket() {
    pos++;
    skipSpaces();
    Step step;
    if (peek('*')) {
      pos++;
      step = new Step.Wildcard();
    } else if (peek('?')) {
      pos++;
      skipSpaces();
      boolean paren = peek('(');
      if (paren) {
        pos++;
      }
      JsonFilter filter = new FilterParser(this).or();
      skipSpaces();
      if (paren) {
        expect(')');
      }
      step = new Step.Filter(filter);
    } else {
      List<Step> parts = new ArrayList<>();
      do {
        skipSpaces();
        if (peek('\'') || peek('"')) {
          parts.add(new Step.Child(quoted()));
        } else {
          parts.add(new Step.Index(integer()));
        }
        skipSpaces();
      } while (consume(','));
      step = parts.size() == 1 ? parts.get(0) : new Step.Union(parts);
    }
    skipSpaces();
    expect(']');
    return step;
  }

  String quoted() {
    char quote = s.charAt(pos++);
    StringBuilder out = new StringBuilder();
    while (!atEnd() && s.charAt(pos) != quote) {
      char c = s.charAt(pos++);
      if (c == '\\' && !atEnd()) {
        c = s.charAt(pos++);
      }
      out.append(c);
    }
    expect(quote);
    return out.toString();
  }

  private int integer() {
    int start = pos;
    if (peek('-')) {
      pos++;
    }
    while (!atEnd() && Character.isDigit(s.charAt(pos))) {
      pos++;
    }
    if (s.indexOf(':', start) == pos) {
      throw error("an index (slices such as [0:2] are not supported)");
    }
    try {
      return Integer.parseInt(s.substring(start, pos));
    } catch (NumberFormatException e) {
      throw error("an index, a quoted name, * or ?(filter)");
    }
  }

  boolean peek(char c) {
    return pos < s.length() && s.charAt(pos) == c;
  }

  boolean startsWith(String token) {
    return s.startsWith(token, pos);
  }

  char next() {
    return s.charAt(pos++);
  }

  boolean consume(char c) {
    if (peek(c)) {
      pos++;
      return true;
    }
    return false;
  }

  void advance(int n) {
    pos += n;
  }

  void skipSpaces() {
    while (!atEnd() && Character.isWhitespace(s.charAt(pos))) {
      pos++;
    }
  }

  /** The text from {@code start} up to here. */
  String since(int start) {
    return s.substring(start, pos);
  }

  void expect(char c) {
    if (!consume(c)) {
      throw error("'" + c + "'");
    }
  }

  IllegalArgumentException error(String wanted) {
    return new IllegalArgumentException("expected " + wanted + " at position " + pos
        + " of JSONPath " + s);
  }
}
