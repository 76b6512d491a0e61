package io.exporters.redis.info;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One INFO reply, parsed: every {@code field:value} line with the section it sits in, in reply
 * order. Lines split on the first colon only (values hold paths and colons); lines that are not
 * fields are skipped, so formats of other versions and forks never fail the parse.
 */
public final class Info {
  /** One {@code field:value} line and the section ({@code Server}, {@code Keyspace}...) of it. */
  public record Field(String section, String name, String value) {}

  private final List<Field> fields;
  private final Map<String, String> byName;
  private final Map<String, List<Field>> sections;

  private Info(List<Field> fields, Map<String, String> byName,
      Map<String, List<Field>> sections) {
    this.fields = Collections.unmodifiableList(fields);
    this.byName = byName;
    this.sections = sections;
  }

  /** Parses a reply with {@code \r\n} or {@code \n} line ends. */
  public static Info parse(String text) {
    List<Field> fields = new ArrayList<>(256);
    Map<String, String> byName = new HashMap<>(512);
    Map<String, List<Field>> sections = new HashMap<>(32);
    String section = "";
    List<Field> inSection = sections.computeIfAbsent(section, k -> new ArrayList<>());
    int length = text.length();
    int start = 0;
    while (start < length) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = length;
      }
      // The line's bounds without surrounding blanks, taken apart without copying it first.
      int from = start;
      int to = end;
      start = end + 1;
      while (from < to && Character.isWhitespace(text.charAt(from))) {
        from++;
      }
      while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
        to--;
      }
      if (from == to) {
        continue;
      }
      if (text.charAt(from) == '#') {
        section = text.substring(from + 1, to).strip();
        inSection = sections.computeIfAbsent(section, k -> new ArrayList<>());
        continue;
      }
      int colon = text.indexOf(':', from);
      if (colon <= from || colon >= to) {
        continue;
      }
      Field field = new Field(section, text.substring(from, colon), text.substring(colon + 1, to));
      fields.add(field);
      inSection.add(field);
      byName.putIfAbsent(field.name(), field.value());
    }
    return new Info(fields, byName, sections);
  }

  public List<Field> fields() {
    return fields;
  }

  /** The value of the first field of that name, or null. */
  public String get(String name) {
    return byName.get(name);
  }

  public String getOrDefault(String name, String fallback) {
    String value = byName.get(name);
    return value == null ? fallback : value;
  }

  public boolean hasSection(String name) {
    return sections.containsKey(name);
  }

  /** The fields of one section, in reply order; empty when there is no such section. */
  public List<Field> section(String name) {
    return Collections.unmodifiableList(sections.getOrDefault(name, List.of()));
  }
}
