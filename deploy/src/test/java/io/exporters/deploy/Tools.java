package io.exporters.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the Prometheus tools the deployment is checked with (installed by .ci/services). */
final class Tools {
  private Tools() {}

  record Result(int exitCode, String output) {}

  static Path require(String binary) {
    Path path = Path.of("/usr/bin", binary);
    if (!Files.isExecutable(path)) {
      throw new AssertionError(binary + " is not installed: run .ci/services (it installs "
          + "Debian's prometheus and prometheus-alertmanager packages)");
    }
    return path;
  }

  static Result run(Path workDir, String... command) throws Exception {
    Process p = new ProcessBuilder(List.of(command)).directory(workDir.toFile())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish: " + out);
    }
    return new Result(p.exitValue(), out);
  }
}
