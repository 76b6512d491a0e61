package io.exporters.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * podman and podman-compose as this machine runs them (runc, cgroupfs, limits no higher than
 * the machine's: ../shared/reference/containers.md), from the command line. A command that
 * fails is an AssertionError with its output.
 */
public final class Podman {
  private static final String CONF = String.join("\n",
      "[containers]",
      "default_ulimits = [\"nofile=20000:20000\", \"nproc=32768:32768\"]",
      "[engine]",
      "runtime = \"runc\"",
      "cgroup_manager = \"cgroupfs\"",
      "events_logger = \"file\"", "");

  private final Path conf;
  private final Path logs;

  /** The containers.conf these commands run with (CONTAINERS_CONF). */
  public Path conf() {
    return conf;
  }

  private Podman(Path conf, Path logs) {
    this.conf = conf;
    this.logs = logs;
  }

  /** Fails (never skips) when podman or podman-compose is missing: .ci/services installs them. */
  public static Podman require(Path work) throws IOException {
    for (String tool : List.of("/usr/bin/podman", "/usr/bin/podman-compose",
        "/usr/sbin/debootstrap")) {
      if (!Files.isExecutable(Path.of(tool))) {
        throw new AssertionError(tool + " is not installed: run .ci/services (it installs "
            + "podman, podman-compose, runc and debootstrap from Debian's packages)");
      }
    }
    Files.createDirectories(work);
    return new Podman(Files.writeString(work.resolve("containers.conf"), CONF),
        Files.createDirectories(work.resolve("logs")));
  }

  public record Result(int exitCode, String output) {}

  /** Runs a command with this podman configuration; {@code log} names its output file. */
  public Result run(String log, Map<String, String> env, Path dir, long timeoutSeconds,
      String... command) throws Exception {
    Path out = logs.resolve(log + ".log");
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
        .redirectErrorStream(true).redirectOutput(out.toFile());
    pb.environment().put("CONTAINERS_CONF", conf.toString());
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish in "
          + timeoutSeconds + " s; see " + out);
    }
    return new Result(p.exitValue(), Files.readString(out));
  }

  /** As {@link #run}, failing unless it exits 0. */
  public String ok(String log, Map<String, String> env, Path dir, long timeoutSeconds,
      String... command) throws Exception {
    Result r = run(log, env, dir, timeoutSeconds, command);
    if (r.exitCode() != 0) {
      String out = r.output();
      throw new AssertionError(String.join(" ", command) + " exited " + r.exitCode() + ": "
          + out.substring(Math.max(0, out.length() - 4000)));
    }
    return r.output();
  }

  /** {@code podman ARGS}, its output (stderr's systemd noise of healthcheck timers dropped). */
  public String podman(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("podman"));
    command.addAll(List.of(args));
    String out = ok("podman-" + args[0], Map.of(), Path.of("."), 600,
        command.toArray(String[]::new));
    return withoutTimerNoise(out);
  }

  /** Whether {@code podman ARGS} exits 0. */
  public boolean succeeds(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("podman"));
    command.addAll(List.of(args));
    return run("podman-" + args[0], Map.of(), Path.of("."), 120,
        command.toArray(String[]::new)).exitCode() == 0;
  }

  // Without systemd podman cannot schedule healthcheck timers and says so on every command;
  // health checks are run by hand (podman healthcheck run) instead.
  static String withoutTimerNoise(String out) {
    StringBuilder kept = new StringBuilder();
    for (String line : out.split("\n", -1)) {
      if (!line.contains("systemd") && !line.contains("syslog")) {
        kept.append(line).append('\n');
      }
    }
    return kept.toString().strip();
  }
}
