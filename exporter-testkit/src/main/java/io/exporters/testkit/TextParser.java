package io.exporters.testkit;

import io.exporters.testkit.Exposition.Family;
import io.exporters.testkit.Exposition.Sample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses Prometheus text 0.0.4 and OpenMetrics 1.0 text bodies, strictly, line by line. */
final class TextParser {
  private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  // Plain decimal or exponent floats as Go's ParseFloat reads them; no hex, no Java 'd' suffix.
  private static final Pattern FLOAT =
      Pattern.compile("[+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");
  private static final String EOF = "# EOF";

  private final boolean requireEof;
  private final Map<String, FamilyBuilder> families = new LinkedHashMap<>();
  private FamilyBuilder current;
  private boolean eofSeen;
  private int lineNumber;
  private String line;

  private TextParser(boolean requireEof) {
    this.requireEof = requireEof;
  }

  static List<Family> parse(String body, boolean requireEof) {
    return new TextParser(requireEof).run(body);
  }

  /** Reads a sample value: a float, NaN, +Inf or -Inf (case-insensitive, as Go does). */
  static double parseValue(String text) {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "nan":
        return Double.NaN;
      case "+inf":
      case "inf":
      case "+infinity":
      case "infinity":
        return Double.POSITIVE_INFINITY;
      case "-inf":
      case "-infinity":
        return Double.NEGATIVE_INFINITY;
      default:
        if (!FLOAT.matcher(text).matches()) {
          throw new IllegalArgumentException("invalid value \"" + text + "\"");
        }
        return Double.parseDouble(text);
    }
  }

  private List<Family> run(String body) {
    String[] lines = body.split("\n", -1);
    // A body ends with a newline, which leaves one empty piece after the last line.
    int count = lines.length > 0 && lines[lines.length - 1].isEmpty()
        ? lines.length - 1 : lines.length;
    for (int i = 0; i < count; i++) {
      lineNumber = i + 1;
      line = lines[i];
      if (eofSeen) {
        throw malformed("content after # EOF");
      }
      if (line.equals(EOF)) {
        eofSeen = true;
      } else if (line.startsWith("#")) {
        readComment();
      } else if (!line.isBlank()) {
        readSample();
      }
    }
    if (requireEof && !eofSeen) {
      throw new IllegalArgumentException("OpenMetrics body does not end with # EOF");
    }
    // OpenMetrics calls a family without TYPE "unknown", the 0.0.4 format "untyped".
    String defaultType = eofSeen ? "unknown" : "untyped";
    List<Family> out = new ArrayList<>();
    for (FamilyBuilder family : families.values()) {
      out.add(family.build(defaultType));
    }
    return out;
  }

  private void readComment() {
    String[] parts = line.substring(1).stripLeading().split("[ \t]+", 3);
    String keyword = parts[0];
    if (!keyword.equals("HELP") && !keyword.equals("TYPE") && !keyword.equals("UNIT")) {
      return;
    }
    if (parts.length < 2 || !METRIC_NAME.matcher(parts[1]).matches()) {
      throw malformed("missing or invalid metric name in # " + keyword);
    }
    FamilyBuilder family = families.computeIfAbsent(parts[1], FamilyBuilder::new);
    current = family;
    String rest = parts.length == 3 ? parts[2] : "";
    if (keyword.equals("HELP")) {
      if (family.help != null) {
        throw malformed("second HELP for " + family.name);
      }
      family.help = unescapeHelp(rest);
    } else if (keyword.equals("TYPE")) {
      String type = rest.strip();
      if (FamilyBuilder.suffixes(type) == null) {
        throw malformed("unknown metric type \"" + type + "\"");
      }
      if (family.type != null) {
        throw malformed("second TYPE for " + family.name);
      }
      if (!family.samples.isEmpty()) {
        throw malformed("TYPE for " + family.name + " after its samples");
      }
      family.type = type;
    }
  }

  private static String unescapeHelp(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        char next = text.charAt(i + 1);
        if (next == '\\' || next == '"' || next == 'n') {
          out.append(next == 'n' ? '\n' : next);
          i++;
          continue;
        }
      }
      out.append(c);
    }
    return out.toString();
  }

  private void readSample() {
    Matcher name = METRIC_NAME.matcher(line);
    if (!name.lookingAt()) {
      throw malformed("invalid metric name");
    }
    int pos = skipBlanks(name.end());
    Map<String, String> labels = new TreeMap<>();
    if (pos < line.length() && line.charAt(pos) == '{') {
      pos = readLabels(pos + 1, labels);
    } else if (pos == name.end() && pos < line.length()) {
      throw malformed("invalid metric name");
    }
    String tail = line.substring(pos);
    // An OpenMetrics exemplar starts at '#', which cannot occur in a value or timestamp.
    int exemplar = tail.indexOf('#');
    String[] tokens = (exemplar >= 0 ? tail.substring(0, exemplar) : tail).strip()
        .split("[ \t]+");
    if (tokens[0].isEmpty()) {
      throw malformed("missing value");
    }
    if (tokens.length > 2) {
      throw malformed("unexpected text after timestamp");
    }
    double value = parse(tokens[0]);
    if (tokens.length == 2 && !FLOAT.matcher(tokens[1]).matches()) {
      throw malformed("invalid timestamp \"" + tokens[1] + "\"");
    }
    addSample(new Sample(name.group(), labels, value));
  }

  private int readLabels(int start, Map<String, String> labels) {
    int pos = start;
    while (true) {
      pos = skipBlanks(pos);
      if (pos < line.length() && line.charAt(pos) == '}') {
        return pos + 1;
      }
      Matcher labelName = LABEL_NAME.matcher(line).region(pos, line.length());
      if (!labelName.lookingAt()) {
        throw malformed("invalid label name at column " + (pos + 1));
      }
      pos = skipBlanks(labelName.end());
      if (pos >= line.length() || line.charAt(pos) != '=') {
        throw malformed("expected '=' after label " + labelName.group());
      }
      pos = skipBlanks(pos + 1);
      if (pos >= line.length() || line.charAt(pos) != '"') {
        throw malformed("expected '\"' to open the value of label " + labelName.group());
      }
      StringBuilder value = new StringBuilder();
      pos = readLabelValue(pos + 1, value);
      if (labels.put(labelName.group(), value.toString()) != null) {
        throw malformed("duplicate label " + labelName.group());
      }
      pos = skipBlanks(pos);
      if (pos < line.length() && line.charAt(pos) == ',') {
        pos++;
      } else if (pos >= line.length() || line.charAt(pos) != '}') {
        throw malformed("expected ',' or '}' at column " + (pos + 1));
      }
    }
  }

  private int readLabelValue(int start, StringBuilder value) {
    for (int pos = start; pos < line.length(); pos++) {
      char c = line.charAt(pos);
      if (c == '"') {
        return pos + 1;
      }
      if (c == '\\') {
        char next = pos + 1 < line.length() ? line.charAt(pos + 1) : ' ';
        switch (next) {
          case '\\':
          case '"':
            value.append(next);
            break;
          case 'n':
            value.append('\n');
            break;
          default:
            throw malformed("invalid escape in label value at column " + (pos + 1));
        }
        pos++;
      } else {
        value.append(c);
      }
    }
    throw malformed("unterminated label value");
  }

  private void addSample(Sample sample) {
    FamilyBuilder family = familyFor(sample.name());
    if ((family.type("").equals("histogram") || family.type("").equals("gaugehistogram"))
        && sample.name().endsWith("_bucket") && !sample.labels().containsKey("le")) {
      throw malformed("histogram bucket without le label");
    }
    if (family.type("").equals("summary") && sample.name().equals(family.name)
        && !sample.labels().containsKey("quantile")) {
      throw malformed("summary sample without quantile label");
    }
    family.samples.add(sample);
    current = family;
  }

  private FamilyBuilder familyFor(String sampleName) {
    if (current != null && current.accepts(sampleName)) {
      return current;
    }
    FamilyBuilder exact = families.get(sampleName);
    if (exact != null && exact.accepts(sampleName)) {
      return exact;
    }
    for (FamilyBuilder family : families.values()) {
      if (family.accepts(sampleName)) {
        return family;
      }
    }
    if (exact != null) {
      throw malformed("sample name " + sampleName + " does not fit its "
          + exact.type + " family");
    }
    return families.computeIfAbsent(sampleName, FamilyBuilder::new);
  }

  private double parse(String value) {
    try {
      return parseValue(value);
    } catch (IllegalArgumentException e) {
      throw malformed(e.getMessage());
    }
  }

  private int skipBlanks(int pos) {
    int p = pos;
    while (p < line.length() && (line.charAt(p) == ' ' || line.charAt(p) == '\t')) {
      p++;
    }
    return p;
  }

  private IllegalArgumentException malformed(String reason) {
    return new IllegalArgumentException("line " + lineNumber + ": " + reason + ": " + line);
  }

  /** A family while it is read; type and help stay null until their lines are seen. */
  private static final class FamilyBuilder {
    final String name;
    final List<Sample> samples = new ArrayList<>();
    String type;
    String help;

    FamilyBuilder(String name) {
      this.name = name;
    }

    /** Sample-name suffixes each type allows, or null for an unknown type. */
    static List<String> suffixes(String type) {
      switch (type) {
        case "counter":
          return List.of("", "_total", "_created");
        case "gauge":
        case "untyped":
        case "unknown":
        case "stateset":
          return List.of("");
        case "summary":
          return List.of("", "_sum", "_count", "_created");
        case "histogram":
          return List.of("_bucket", "_sum", "_count", "_created");
        case "gaugehistogram":
          return List.of("_bucket", "_gsum", "_gcount");
        case "info":
          return List.of("_info");
        default:
          return null;
      }
    }

    String type(String fallback) {
      return type == null ? fallback : type;
    }

    boolean accepts(String sampleName) {
      if (!sampleName.startsWith(name)) {
        return false;
      }
      String suffix = sampleName.substring(name.length());
      return suffixes(type("untyped")).contains(suffix);
    }

    Family build(String defaultType) {
      return new Family(name, type(defaultType), help == null ? "" : help, samples);
    }
  }
}
