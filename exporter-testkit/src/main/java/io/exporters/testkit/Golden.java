package io.exporters.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * Golden-file assertions: compares output exactly with a checked-in file, or rewrites the file
 * when the build runs with {@code -Dgolden.update=true}.
 */
public final class Golden {
  static final String UPDATE_PROPERTY = "golden.update";
  static final String HINT = "run with -Dgolden.update=true to regenerate";
  // Surefire runs tests in the module directory, so this is the module's own resource folder.
  private static final Path RESOURCES = Path.of("src", "test", "resources");
  private static final String NO_NEWLINE = "\\ No newline at end of file";
  private static final int CONTEXT_LINES = 3;
  private static final int MAX_CHANGED_LINES = 20;

  private Golden() {}

  /** Compares with {@code src/test/resources/<goldenResource>} of the module under test. */
  public static void assertMatches(String actual, String goldenResource) {
    assertMatches(actual, RESOURCES.resolve(goldenResource));
  }

  /** Compares with an explicit golden file. */
  public static void assertMatches(String actual, Path goldenFile) {
    assertMatches(actual, goldenFile, Boolean.getBoolean(UPDATE_PROPERTY));
  }

  static void assertMatches(String actual, Path goldenFile, boolean update) {
    try {
      if (update) {
        if (goldenFile.getParent() != null) {
          Files.createDirectories(goldenFile.getParent());
        }
        Files.writeString(goldenFile, actual, StandardCharsets.UTF_8);
        return;
      }
      if (!Files.exists(goldenFile)) {
        throw new AssertionFailedError("golden file " + goldenFile + " does not exist; " + HINT);
      }
      String expected = Files.readString(goldenFile, StandardCharsets.UTF_8);
      if (!expected.equals(actual)) {
        // Carrying expected and actual lets IDEs offer their side-by-side comparison too.
        throw new AssertionFailedError(diff(goldenFile, expected, actual), expected, actual);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot access golden file " + goldenFile, e);
    }
  }

  /** A unified-style hunk around the region between the common head and the common tail. */
  static String diff(Path goldenFile, String expected, String actual) {
    List<String> old = lines(expected);
    List<String> now = lines(actual);
    int head = 0;
    while (head < old.size() && head < now.size() && old.get(head).equals(now.get(head))) {
      head++;
    }
    int tail = 0;
    while (tail < old.size() - head && tail < now.size() - head
        && old.get(old.size() - 1 - tail).equals(now.get(now.size() - 1 - tail))) {
      tail++;
    }
    int from = Math.max(0, head - CONTEXT_LINES);
    int after = Math.min(tail, CONTEXT_LINES);
    int oldCount = old.size() - tail - from + after;
    int newCount = now.size() - tail - from + after;

    StringBuilder out = new StringBuilder();
    out.append("golden file ").append(goldenFile).append(" differs from the actual output at line ")
        .append(head + 1).append('\n');
    out.append("--- ").append(goldenFile).append(" (golden)\n+++ actual\n");
    out.append("@@ -").append(from + 1).append(',').append(oldCount)
        .append(" +").append(from + 1).append(',').append(newCount).append(" @@\n");
    append(out, ' ', old.subList(from, head));
    append(out, '-', old.subList(head, old.size() - tail));
    append(out, '+', now.subList(head, now.size() - tail));
    append(out, ' ', old.subList(old.size() - tail, old.size() - tail + after));
    out.append(HINT);
    return out.toString();
  }

  private static void append(StringBuilder out, char prefix, List<String> lines) {
    int shown = prefix == ' ' ? lines.size() : Math.min(lines.size(), MAX_CHANGED_LINES);
    for (String line : lines.subList(0, shown)) {
      out.append(prefix).append(line).append('\n');
    }
    if (shown < lines.size()) {
      out.append("... ").append(lines.size() - shown).append(" more lines\n");
    }
  }

  /**
   * Splits into lines; a last line without a newline carries diff's marker and CRs show as
   * {@code \r}, so neither is an invisible difference.
   */
  private static List<String> lines(String text) {
    if (text.isEmpty()) {
      return List.of();
    }
    List<String> lines = new ArrayList<>(Arrays.asList(text.replace("\r", "\\r").split("\n", -1)));
    if (text.endsWith("\n")) {
      lines.remove(lines.size() - 1);
    } else {
      int last = lines.size() - 1;
      lines.set(last, lines.get(last) + "\n" + NO_NEWLINE);
    }
    return lines;
  }
}
