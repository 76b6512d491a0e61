package io.exporters.deploy;

import java.util.Set;
import java.util.TreeSet;

/**
 * The metric names a PromQL expression (or a Grafana variable query) reads. A lexer, not a
 * parser: Prometheus itself checks that expressions parse; this only has to tell metric names
 * from functions, keywords, label names and Grafana's variables.
 */
final class PromQl {
  private PromQl() {}

  private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "by", "without", "on",
      "ignoring", "group_left", "group_right", "bool", "offset", "inf", "nan", "atan2",
      // Aggregations, which may come before their "by (...)" rather than their "(".
      "sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values",
      "bottomk", "topk", "quantile");
  private static final Set<String> LABEL_LISTS = Set.of("by", "without", "on", "ignoring",
      "group_left", "group_right");

  static Set<String> metricNames(String expression) {
    String s = expression.replaceAll("\\$\\{[^}]*}", "1").replaceAll("\\$[A-Za-z_]+", "1");
    Set<String> names = new TreeSet<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '"' || c == '\'' || c == '`') {
        i = skipString(s, i);
      } else if (c == '{') {
        i = skipTo(s, i, '}');
      } else if (c == '[') {
        i = skipTo(s, i, ']');
      } else if (Character.isDigit(c) || (c == '.' && i + 1 < s.length()
          && Character.isDigit(s.charAt(i + 1)))) {
        i = skipNumber(s, i);
      } else if (Character.isLetter(c) || c == '_' || c == ':') {
        int end = i;
        while (end < s.length() && (Character.isLetterOrDigit(s.charAt(end))
            || s.charAt(end) == '_' || s.charAt(end) == ':')) {
          end++;
        }
        String word = s.substring(i, end);
        int next = end;
        while (next < s.length() && Character.isWhitespace(s.charAt(next))) {
          next++;
        }
        boolean call = next < s.length() && s.charAt(next) == '(';
        if (call && LABEL_LISTS.contains(word)) {
          end = skipTo(s, next, ')');
        } else if (call && word.equals("label_values")) {
          // Grafana's label_values(metric, label) or label_values(label): only the first of two.
          int close = s.indexOf(')', next);
          String[] args = s.substring(next + 1, close).split(",");
          if (args.length == 2) {
            names.addAll(metricNames(args[0]));
          }
          end = close + 1;
        } else if (!call && !KEYWORDS.contains(word.toLowerCase())) {
          names.add(word);
        }
        i = end;
      } else {
        i++;
      }
    }
    return names;
  }

  private static int skipString(String s, int start) {
    char quote = s.charAt(start);
    int i = start + 1;
    while (i < s.length() && s.charAt(i) != quote) {
      i += s.charAt(i) == '\\' ? 2 : 1;
    }
    return i + 1;
  }

  private static int skipTo(String s, int start, char close) {
    int i = start + 1;
    while (i < s.length() && s.charAt(i) != close) {
      i = s.charAt(i) == '"' || s.charAt(i) == '\'' ? skipString(s, i) : i + 1;
    }
    return i + 1;
  }

  private static int skipNumber(String s, int start) {
    int i = start;
    while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.'
        || ((s.charAt(i) == '+' || s.charAt(i) == '-') && (s.charAt(i - 1) == 'e'
            || s.charAt(i - 1) == 'E')))) {
      i++;
    }
    return i;
  }
}
