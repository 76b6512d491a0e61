package io.exporters.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The public images this project's containers name, as stand-ins built from Debian's packages
 * (deploy/src/test/stand-ins/build.sh: no registry is reachable where the tests run), built once
 * per test JVM by whoever needs them first and removed when it exits, unless they were there
 * before or {@code CONTAINER_TEST_KEEP=1}.
 */
public final class StandIns {
  private static final List<String> made = new ArrayList<>();
  private static Podman podman;

  private StandIns() {}

  /** Builds the stand-ins that are missing; the podman they were built with. */
  public static synchronized Podman ensure() throws Exception {
    if (podman != null) {
      return podman;
    }
    Path root = repositoryRoot();
    Path work = Files.createDirectories(root.resolve("deploy/target/container-test"));
    Podman p = Podman.require(work);
    List<String> before = images(p);
    p.ok("stand-ins", Map.of(), root, 900,
        root.resolve("deploy/src/test/stand-ins/build.sh").toString(),
        work.resolve("stand-ins").toString());
    for (String image : images(p)) {
      if (!before.contains(image)) {
        made.add(image);
      }
    }
    if (!"1".equals(System.getenv("CONTAINER_TEST_KEEP"))) {
      Runtime.getRuntime().addShutdownHook(new Thread(StandIns::remove, "stand-ins-cleanup"));
    }
    podman = p;
    return p;
  }

  /** The repository holding the stand-ins' Dockerfiles: searched upwards from here. */
  public static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("deploy/src/test/stand-ins/build.sh"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new AssertionError("no deploy/src/test/stand-ins above "
          + Path.of("").toAbsolutePath() + ": the stand-in images are built from there");
    }
    return dir;
  }

  static List<String> images(Podman p) throws Exception {
    return new ArrayList<>(Arrays.asList(p.podman("images", "--format",
        "{{.Repository}}:{{.Tag}}").split("\\s+")));
  }

  private static synchronized void remove() {
    try {
      for (String image : made) {
        podman.run("rmi", Map.of(), Path.of("."), 120, "podman", "rmi", "-f", image);
      }
      podman.run("prune", Map.of(), Path.of("."), 300, "podman", "image", "prune", "-f");
    } catch (Exception e) {
      System.err.println("stand-ins: clean-up failed: " + e);
    }
  }
}
