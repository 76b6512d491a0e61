package io.exporters.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

class GoldenTest {
  @TempDir Path dir;

  @Test
  void passesWhenTheFileMatches() throws IOException {
    Path golden = write("metrics.txt", "up 1\nscrape_ok 1\n");

    Golden.assertMatches("up 1\nscrape_ok 1\n", golden, false);
  }

  @Test
  void mismatchShowsAUnifiedDiffWithContextAndTheHint() throws IOException {
    Path golden = write("metrics.txt", "a\nb\nc\nd\ne\nf\ng\nh\n");

    assertThatThrownBy(() -> Golden.assertMatches("a\nb\nc\nd\nE\nF\ng\nh\n", golden, false))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessage("golden file " + golden + " differs from the actual output at line 5\n"
            + "--- " + golden + " (golden)\n"
            + "+++ actual\n"
            + "@@ -2,7 +2,7 @@\n"
            + " b\n c\n d\n"
            + "-e\n-f\n"
            + "+E\n+F\n"
            + " g\n h\n"
            + "run with -Dgolden.update=true to regenerate")
        .satisfies(e -> {
          AssertionFailedError failure = (AssertionFailedError) e;
          assertThat(failure.getExpected().getStringRepresentation())
              .isEqualTo("a\nb\nc\nd\ne\nf\ng\nh\n");
          assertThat(failure.getActual().getStringRepresentation())
              .isEqualTo("a\nb\nc\nd\nE\nF\ng\nh\n");
        });
  }

  @Test
  void aMissingFinalNewlineIsVisible() throws IOException {
    Path golden = write("metrics.txt", "up 1\n");

    assertThatThrownBy(() -> Golden.assertMatches("up 1", golden, false))
        .hasMessageContaining("@@ -1,1 +1,1 @@\n-up 1\n+up 1\n\\ No newline at end of file\n");
  }

  @Test
  void longChangesAreCut() throws IOException {
    String lines = IntStream.range(0, 50).mapToObj(i -> "line " + i + "\n")
        .collect(Collectors.joining());
    Path golden = write("metrics.txt", lines);

    assertThatThrownBy(() -> Golden.assertMatches(lines.toUpperCase(), golden, false))
        .hasMessageContaining("-line 19\n... 30 more lines\n+LINE 0\n")
        .hasMessageContaining("+LINE 19\n... 30 more lines\nrun with -Dgolden.update=true");
  }

  @Test
  void missingFileFailsWithTheHint() {
    Path golden = dir.resolve("absent.txt");

    assertThatThrownBy(() -> Golden.assertMatches("up 1\n", golden, false))
        .isInstanceOf(AssertionError.class)
        .hasMessage("golden file " + golden + " does not exist;"
            + " run with -Dgolden.update=true to regenerate");
  }

  @Test
  void updateModeWritesTheFileAndItThenMatches() throws IOException {
    Path golden = dir.resolve("nested/dir/metrics.txt");

    Golden.assertMatches("up 1\n", golden, true);
    assertThat(golden).hasContent("up 1");
    Golden.assertMatches("up 1\n", golden, false);

    Golden.assertMatches("up 0\n", golden, true);
    assertThat(Files.readString(golden)).isEqualTo("up 0\n");
  }

  @Test
  void updateModeFollowsTheSystemProperty() throws IOException {
    Path golden = write("metrics.txt", "old\n");
    String saved = System.getProperty(Golden.UPDATE_PROPERTY);
    try {
      System.setProperty(Golden.UPDATE_PROPERTY, "true");
      Golden.assertMatches("new\n", golden);
      assertThat(Files.readString(golden)).isEqualTo("new\n");

      System.setProperty(Golden.UPDATE_PROPERTY, "false");
      assertThatThrownBy(() -> Golden.assertMatches("newer\n", golden))
          .isInstanceOf(AssertionFailedError.class);
    } finally {
      restore(saved);
    }
  }

  @Test
  void resourceNamesResolveUnderTheModuleTestResources() {
    String resource = "golden-" + UUID.randomUUID() + ".txt";
    String saved = System.getProperty(Golden.UPDATE_PROPERTY);
    try {
      // Never write into src/test/resources, even when the suite runs in update mode.
      System.clearProperty(Golden.UPDATE_PROPERTY);
      assertThatThrownBy(() -> Golden.assertMatches("up 1\n", resource))
          .hasMessage("golden file " + Path.of("src", "test", "resources", resource)
              + " does not exist; run with -Dgolden.update=true to regenerate");
    } finally {
      restore(saved);
    }
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  private static void restore(String saved) {
    if (saved == null) {
      System.clearProperty(Golden.UPDATE_PROPERTY);
    } else {
      System.setProperty(Golden.UPDATE_PROPERTY, saved);
    }
  }
}
