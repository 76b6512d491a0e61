package io.exporters.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository's files are, seen from the deploy module's tests. */
final class Repo {
  private Repo() {}

  /** The repository root: the folder above deploy/ holding the parent POM. */
  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !(Files.exists(dir.resolve("deploy")) && Files.exists(dir.resolve("jvm.options")))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new AssertionError("no repository root above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  static Path file(String relative) {
    return root().resolve(relative);
  }

  /** An exporter's runnable jar, built by its module before this one. */
  static Path jar(String exporter) {
    Path jar = file("exporter-" + exporter + "/target/exporter-" + exporter + ".jar");
    if (!Files.exists(jar)) {
      throw new AssertionError("no " + jar + ": build it first (mvn -B verify builds it before "
          + "the deploy module's tests)");
    }
    return jar;
  }
}
