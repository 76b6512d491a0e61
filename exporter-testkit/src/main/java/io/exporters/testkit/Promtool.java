package io.exporters.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus' own linter on an exposition: {@code promtool check metrics}. Parse errors are
 * always failures; lint findings are returned one per line for the caller to judge (some names
 * are inherited from an anchor exporter and break naming rules on purpose). .ci/services
 * installs promtool (Debian's prometheus package); without it this fails, it never skips.
 */
public final class Promtool {
  private Promtool() {}

  /** Lint findings for the text exposition (empty when clean). */
  public static List<String> lint(String exposition) throws IOException, InterruptedException {
    Path promtool = Path.of(System.getenv().getOrDefault("PROMTOOL", "/usr/bin/promtool"));
    if (!Files.isExecutable(promtool)) {
      throw new AssertionError("promtool not found at " + promtool
          + ": apt-get install prometheus (.ci/services does), or set PROMTOOL");
    }
    Process p = new ProcessBuilder(promtool.toString(), "check", "metrics")
        .redirectErrorStream(true).start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(exposition.getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("promtool check metrics did not finish");
    }
    // 0: clean; 3: lint findings; anything else: the text did not parse.
    if (p.exitValue() != 0 && p.exitValue() != 3) {
      throw new AssertionError("promtool rejects the exposition (exit " + p.exitValue() + "): "
          + out);
    }
    return out.lines().filter(line -> !line.isBlank()).toList();
  }
}
