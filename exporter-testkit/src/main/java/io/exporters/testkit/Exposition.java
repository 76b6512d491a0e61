package io.exporters.testkit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A parsed metrics exposition (Prometheus text 0.0.4, OpenMetrics 1.0 text or Prometheus
 * delimited protobuf), for tests that assert on what an exporter served.
 */
public final class Exposition {
  /** One sample line; labels are kept sorted by name so equality ignores the served order. */
  public record Sample(String name, Map<String, String> labels, double value) {
    public Sample {
      labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }

    @Override
    public String toString() {
      if (labels.isEmpty()) {
        return name + " " + value;
      }
      return labels.entrySet().stream()
          .map(e -> e.getKey() + "=\"" + escape(e.getValue()) + "\"")
          .collect(Collectors.joining(",", name + "{", "} " + value));
    }

    private static String escape(String labelValue) {
      return labelValue.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
  }

  /** A metric family; {@code help} is empty when the body had no HELP line for it. */
  public record Family(String name, String type, String help, List<Sample> samples) {
    public Family {
      samples = List.copyOf(samples);
    }
  }

  private static final String TEXT = "text/plain";
  private static final String OPENMETRICS = "application/openmetrics-text";
  private static final String PROTOBUF = "application/vnd.google.protobuf";
  private static final String PROTOBUF_MESSAGE = "io.prometheus.client.MetricFamily";
  // le and quantile hold floats whose spelling differs between writers ("1" in Go, "1.0" in
  // client_java), so lookups compare them numerically.
  private static final Set<String> NUMERIC_LABELS = Set.of("le", "quantile");

  private final List<Family> families;

  private Exposition(List<Family> families) {
    this.families = List.copyOf(families);
  }

  /** Parses {@code body} in the format named by a Content-Type header value. */
  public static Exposition parse(String contentType, byte[] body) {
    if (contentType == null) {
      throw new IllegalArgumentException("no content type given");
    }
    String[] parts = contentType.split(";");
    String mediaType = parts[0].trim().toLowerCase(Locale.ROOT);
    switch (mediaType) {
      case TEXT:
        return parseText(new String(body, StandardCharsets.UTF_8));
      case OPENMETRICS:
        return new Exposition(TextParser.parse(new String(body, StandardCharsets.UTF_8), true));
      case PROTOBUF:
        checkProtobufParameters(contentType, parts);
        return new Exposition(ProtobufDecoder.decode(body));
      default:
        throw new IllegalArgumentException("unsupported content type: " + contentType);
    }
  }

  /** Parses a text body, either format; {@code # EOF} is accepted but not required. */
  public static Exposition parseText(String body) {
    return new Exposition(TextParser.parse(body, false));
  }

  private static void checkProtobufParameters(String contentType, String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String[] kv = parts[i].trim().split("=", 2);
      String key = kv[0].trim().toLowerCase(Locale.ROOT);
      String value = kv.length == 2 ? kv[1].trim() : "";
      if ((key.equals("proto") && !value.equals(PROTOBUF_MESSAGE))
          || (key.equals("encoding") && !value.equals("delimited"))) {
        throw new IllegalArgumentException("unsupported protobuf content type: " + contentType);
      }
    }
  }

  public List<Family> families() {
    return families;
  }

  public Optional<Family> family(String name) {
    return families.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  public Family familyOrFail(String name) {
    return family(name).orElseThrow(
        () -> new AssertionError("no metric family " + name + "; families: " + names()));
  }

  /** Family names, sorted. */
  public Set<String> names() {
    TreeSet<String> names = new TreeSet<>();
    families.forEach(f -> names.add(f.name()));
    return Collections.unmodifiableSortedSet(names);
  }

  /** All samples called {@code sampleName}, across families, in served order. */
  public List<Sample> samples(String sampleName) {
    List<Sample> out = new ArrayList<>();
    for (Family family : families) {
      for (Sample sample : family.samples()) {
        if (sample.name().equals(sampleName)) {
          out.add(sample);
        }
      }
    }
    return out;
  }

  /**
   * The value of the one sample called {@code sampleName} whose labels include {@code
   * labelPairs} ("k1", "v1", "k2", "v2", ...); fails unless exactly one sample matches.
   */
  public double value(String sampleName, String... labelPairs) {
    List<Sample> matches = matching(sampleName, labelPairs);
    if (matches.size() != 1) {
      throw new AssertionError(describe(matches.size(), sampleName, labelPairs));
    }
    return matches.get(0).value();
  }

  /** Like {@link #value} but empty when nothing matches; still fails when several match. */
  public OptionalDouble find(String sampleName, String... labelPairs) {
    List<Sample> matches = matching(sampleName, labelPairs);
    if (matches.size() > 1) {
      throw new AssertionError(describe(matches.size(), sampleName, labelPairs));
    }
    return matches.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(matches.get(0).value());
  }

  private List<Sample> matching(String sampleName, String... labelPairs) {
    if (labelPairs.length % 2 != 0) {
      throw new IllegalArgumentException("label pairs must be given as name, value, ...: "
          + String.join(", ", labelPairs));
    }
    List<Sample> out = new ArrayList<>();
    for (Sample sample : samples(sampleName)) {
      if (hasLabels(sample, labelPairs)) {
        out.add(sample);
      }
    }
    return out;
  }

  private static boolean hasLabels(Sample sample, String... labelPairs) {
    for (int i = 0; i < labelPairs.length; i += 2) {
      String actual = sample.labels().get(labelPairs[i]);
      if (actual == null || !sameLabelValue(labelPairs[i], labelPairs[i + 1], actual)) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameLabelValue(String name, String wanted, String actual) {
    if (wanted.equals(actual)) {
      return true;
    }
    if (!NUMERIC_LABELS.contains(name)) {
      return false;
    }
    try {
      return TextParser.parseValue(wanted) == TextParser.parseValue(actual);
    } catch (IllegalArgumentException notANumber) {
      return false;
    }
  }

  private String describe(int count, String sampleName, String... labelPairs) {
    StringBuilder selector = new StringBuilder(sampleName).append('{');
    for (int i = 0; i < labelPairs.length; i += 2) {
      selector.append(i == 0 ? "" : ",").append(labelPairs[i]).append("=\"")
          .append(labelPairs[i + 1]).append('"');
    }
    selector.append('}');
    List<Sample> candidates = samples(sampleName);
    if (candidates.isEmpty()) {
      return "no sample named " + sampleName + "; families: " + names();
    }
    String found = count == 0 ? "no sample matches " : count + " samples match ";
    return found + selector + "; samples named " + sampleName + ":\n  "
        + candidates.stream().map(Sample::toString).collect(Collectors.joining("\n  "));
  }
}
