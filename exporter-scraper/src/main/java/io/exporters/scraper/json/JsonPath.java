package io.exporters.scraper.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSONPath users of json_exporter and of RFC 9535 write, as far as selecting values needs:
 * {@code $} (or {@code @}, relative), {@code .name}, {@code ['name']}, {@code [n]},
 * {@code [-1]}, {@code *}, {@code ..name}, unions {@code ['a','b']} and filters
 * {@code [?(@.state == "UP" && @.n > 1)]}. json_exporter's braces ({@code {.a.b}}) are accepted.
 * Each match keeps the key it was found under, so map keys can become labels.
 */
public final class JsonPath {
  /** Matches one evaluation may return: bounds the work a hostile body can cause. */
  public static final int MAX_MATCHES = 10_000;

  private final String text;
  private final boolean relative;
  private final List<Step> steps;

  JsonPath(String text, boolean relative, List<Step> steps) {
    this.text = text;
    this.relative = relative;
    this.steps = List.copyOf(steps);
  }

  /**
   * Parses {@code text}; {@code dotIsRelative} decides what json_exporter's {@code .a} means:
   * relative to the element (its object metrics) or to the document (its value metrics).
   */
  public static JsonPath parse(String text, boolean dotIsRelative) {
    String s = text.trim();
    if (s.startsWith("{") && s.endsWith("}")) {
      s = s.substring(1, s.length() - 1).trim();
    }
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty JSONPath");
    }
    PathParser parser = new PathParser(s, 0);
    JsonPath path = parser.path(dotIsRelative);
    if (!parser.atEnd()) {
      throw new IllegalArgumentException("unexpected '" + s.charAt(parser.position())
          + "' at position " + parser.position() + " of JSONPath " + text);
    }
    return new JsonPath(text, path.relative, path.steps);
  }

  /** Everything the path selects from {@code start} ({@code root} for {@code $}). */
  public List<Match> select(JsonNode start, JsonNode root) {
    List<Match> current = List.of(new Match(relative ? start : root, ""));
    for (Step step : steps) {
      List<Match> next = new ArrayList<>();
      for (Match m : current) {
        step.apply(m, root, next, MAX_MATCHES);
        if (next.size() >= MAX_MATCHES) {
          break;
        }
      }
      current = next;
      if (current.isEmpty()) {
        break;
      }
    }
    return current;
  }

  /** The first node selected, or null. */
  public JsonNode first(JsonNode start, JsonNode root) {
    List<Match> all = select(start, root);
    return all.isEmpty() ? null : all.get(0).node();
  }

  @Override
  public String toString() {
    return text;
  }
}
