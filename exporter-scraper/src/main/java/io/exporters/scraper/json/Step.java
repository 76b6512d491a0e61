package io.exporters.scraper.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One step of a {@link JsonPath}: from each match so far to the matches it leads to. */
interface Step {
  void apply(Match from, JsonNode root, List<Match> out, int limit);

  /** {@code .name} or {@code ['name']}. */
  record Child(String name) implements Step {
    @Override
    public void apply(Match from, JsonNode root, List<Match> out, int limit) {
      JsonNode child = from.node().isObject() ? from.node().get(name) : null;
      if (child != null && out.size() < limit) {
        out.add(new Match(child, name));
      }
    }
  }

  /** {@code [n]}, negative from the end. */
  record Index(int index) implements Step {
    @Override
    public void apply(Match from, JsonNode root, List<Match> out, int limit) {
      JsonNode node = from.node();
      if (node.isArray()) {
        int i = index < 0 ? node.size() + index : index;
        if (i >= 0 && i < node.size() && out.size() < limit) {
          out.add(new Match(node.get(i), Integer.toString(i)));
        }
      }
    }
  }

  /** {@code .*} or {@code [*]}: every member or element, keyed by name or index. */
  record Wildcard() implements Step {
    @Override
    public void apply(Match from, JsonNode root, List<Match> out, int limit) {
      children(from.node(), out, limit);
    }
  }

  /** {@code ['a','b']} or {@code [0,2]}. */
  record Union(List<Step> parts) implements Step {
    @Override
    public void apply(Match from, JsonNode root, List<Match> out, int limit) {
      for (Step part : parts) {
        part.apply(from, root, out, limit);
      }
    }
  }

  /** {@code ..name} or {@code ..*}: the step applied at every depth below. */
  record Descendants(Step inner) implements Step {
    @Override
    public void apply(Match from, JsonNode root, List<Match> out, int limit) {
      inner.apply(from, root, out, limit);
      List<Match> below = new java.util.ArrayList<>();
      children(from.node(), below, Integer.MAX_VALUE);
      for (Match m : below) {
        if (out.size() >= limit) {
          return;
        }
        if (m.node().isContainerNode()) {
          apply(m, root, out, limit);
        }
      }
    }
  }

  /** {@code [?(...)]}: the members or elements the filter keeps. */
  record Filter(JsonFilter filter) implements Step {
    @Override
    public void apply(Match from, JsonNode root, List<Match> out, int limit) {
      List<Match> candidates = new java.util.ArrayList<>();
      children(from.node(), candidates, Integer.MAX_VALUE);
      for (Match m : candidates) {
        if (out.size() < limit && filter.test(m.node(), root)) {
          out.add(m);
        }
      }
    }
  }

  private static void children(JsonNode node, List<Match> out, int limit) {
    if (node.isObject()) {
      var it = node.properties().iterator();
      while (it.hasNext() && out.size() < limit) {
        var e = it.next();
        out.add(new Match(e.getValue(), e.getKey()));
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size() && out.size() < limit; i++) {
        out.add(new Match(node.get(i), Integer.toString(i)));
      }
    }
  }
}
