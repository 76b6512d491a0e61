package io.exporters.scraper.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A label value: text with {@code {...}} parts filled from the body, as json_exporter writes
 * them ({@code planet-{.location}}), plus {@code {@key}} (the map key or index the value was
 * found under: json_exporter#96) and {@code {@}} (the selected value itself). A whole value that
 * is a path ({@code $.env}, {@code @.id}) needs no braces. A path that selects nothing gives "".
 */
public final class LabelTemplate {
  private static final int MAX_LENGTH = 256;

  private interface Part {
    String render(Match match, JsonNode root);
  }

  private final List<Part> parts;

  private LabelTemplate(List<Part> parts) {
    this.parts = List.copyOf(parts);
  }

  /** {@code dotIsRelative}: what {@code .a} means (see {@link JsonPath#parse}). */
  public static LabelTemplate parse(String text, boolean dotIsRelative) {
    List<Part> parts = new ArrayList<>();
    String t = text == null ? "" : text;
    if (t.startsWith("$.") || t.startsWith("$[") || t.startsWith("@")) {
      parts.add(expression(t, dotIsRelative));
      return new LabelTemplate(parts);
    }
    int at = 0;
    while (at < t.length()) {
      int open = t.indexOf('{', at);
      if (open < 0) {
        break;
      }
      int close = t.indexOf('}', open);
      if (close < 0) {
        throw new IllegalArgumentException("'{' without '}' in label template " + text);
      }
      String literal = t.substring(at, open);
      parts.add((m, r) -> literal);
      parts.add(expression(t.substring(open + 1, close).trim(), dotIsRelative));
      at = close + 1;
    }
    String rest = t.substring(at);
    parts.add((m, r) -> rest);
    return new LabelTemplate(parts);
  }

  private static Part expression(String expr, boolean dotIsRelative) {
    if (expr.equals("@key")) {
      return (m, r) -> m.key();
    }
    if (expr.equals("@")) {
      return (m, r) -> Values.text(m.node());
    }
    JsonPath path = JsonPath.parse(expr, dotIsRelative);
    return (m, r) -> Values.text(path.first(m.node(), r));
  }

  public String render(Match match, JsonNode root) {
    StringBuilder out = new StringBuilder();
    for (Part p : parts) {
      out.append(p.render(match, root));
    }
    return out.length() > MAX_LENGTH ? out.substring(0, MAX_LENGTH) : out.toString();
  }
}
