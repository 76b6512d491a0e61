package io.exporters.cloudflare.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GraphQL request as the fake reads it: the scope (zone ids or an account id) and each
 * aliased node with its filter, selected dimensions and window. Only reads the documents the
 * exporter writes (one scope block of aliased nodes), which is all the fake must answer.
 */
public record GraphqlRequest(List<String> zones, String account, List<Node> nodes) {
  /** One aliased node: {@code alias: node(limit: ..., filter: {...}) { selection }}. */
  public record Node(String alias, String node, String filter, String selection,
      Instant since, Instant until) {
    /** The dimensions asked for. */
    public Set<String> dimensions() {
      Matcher m = Pattern.compile("dimensions \\{([^}]*)}").matcher(selection);
      Set<String> out = new HashSet<>();
      if (m.find()) {
        for (String d : m.group(1).trim().split("\\s+")) {
          if (!d.isEmpty()) {
            out.add(d);
          }
        }
      }
      return out;
    }

    /** Whole minutes of the window (epoch minutes); empty for a daily node. */
    public List<Long> minutes() {
      List<Long> out = new ArrayList<>();
      if (since != null) {
        for (long m = since.getEpochSecond() / 60; m < until.getEpochSecond() / 60; m++) {
          out.add(m);
        }
      }
      return out;
    }
  }

  private static final Pattern NODE = Pattern.compile("(\\w+): (\\w+)\\(");
  private static final Pattern WINDOW =
      Pattern.compile("datetime_geq: \\$(\\w+), datetime_lt: \\$(\\w+)");

  public static GraphqlRequest parse(JsonNode body) {
    String query = body.path("query").asText();
    JsonNode vars = body.path("variables");
    List<String> zones = new ArrayList<>();
    vars.path("zones").forEach(z -> zones.add(z.asText()));
    String account = vars.path("account").asText(null);
    List<Node> nodes = new ArrayList<>();
    Matcher m = NODE.matcher(query);
    int from = 0;
    while (m.find(from)) {
      int args = m.end();
      int close = matching(query, args - 1, '(', ')');
      String filter = between(query.substring(args, close), "filter: {", '{', '}');
      int open = query.indexOf('{', close);
      int end = matching(query, open, '{', '}');
      Matcher w = WINDOW.matcher(filter);
      Instant since = null;
      Instant until = null;
      if (w.find()) {
        since = Instant.parse(vars.path(w.group(1)).asText());
        until = Instant.parse(vars.path(w.group(2)).asText());
      }
      nodes.add(new Node(m.group(1), m.group(2), filter, query.substring(open + 1, end),
          since, until));
      from = end + 1;
    }
    return new GraphqlRequest(zones, account, nodes);
  }

  private static String between(String text, String start, char open, char close) {
    int at = text.indexOf(start);
    if (at < 0) {
      return "";
    }
    int o = at + start.length() - 1;
    return text.substring(o + 1, matching(text, o, open, close));
  }

  private static int matching(String text, int openAt, char open, char close) {
    int depth = 0;
    for (int i = openAt; i < text.length(); i++) {
      if (text.charAt(i) == open) {
        depth++;
      } else if (text.charAt(i) == close && --depth == 0) {
        return i;
      }
    }
    throw new IllegalArgumentException("unbalanced " + open + " at " + openAt);
  }
}
