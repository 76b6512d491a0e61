package io.exporters.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the Prometheus tools the deployment is checked with (installed by .ci/services). */
final class Tools {
  private Tools() {}

  record Result(int exitCode, String output) {}

  /** /usr/local/bin first: .ci/services puts the Alertmanager the stack pins there. */
  static Path require(String binary) {
    for (String dir : List.of("/usr/local/bin", "/usr/bin")) {
      Path path = Path.of(dir, binary);
      if (Files.isExecutable(path)) {
        return path;
      }
    }
    throw new AssertionError(binary + " is not installed: run .ci/services (it installs "
        + "Debian's prometheus package and the Alertmanager the compose stack pins)");
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
