package io.exporters.deploy;

import io.exporters.common.testing.Backends;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server on a free port, with TLS on when given a certificate, run as the
 * postgres user when the tests run as root. Binaries from PG_BIN or the newest under
 * /usr/lib/postgresql.
 */
final class PrivatePostgres implements AutoCloseable {
  final int port = Backends.freePort();
  private final Path dir;
  private final Path bin;

  static PrivatePostgres plain() throws Exception {
    return new PrivatePostgres(null, null);
  }

  static PrivatePostgres withTls(Path certFile, Path keyFile) throws Exception {
    return new PrivatePostgres(certFile, keyFile);
  }

  private PrivatePostgres(Path certFile, Path keyFile) throws Exception {
    bin = binDir();
    dir = Files.createTempDirectory("deploy-pg-");
    run(List.of("chmod", "755", dir.toString()));
    Path data = dir.resolve("data");
    if (isRoot()) {
      run(List.of("chown", "postgres:postgres", dir.toString()));
    }
    asOwner(bin.resolve("initdb").toString(), "-D", data.toString(), "-A", "trust", "-U",
        "postgres", "--no-sync");
    String options = "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off";
    if (certFile != null) {
      Files.copy(certFile, data.resolve("server.crt"));
      Files.copy(keyFile, data.resolve("server.key"));
      run(List.of("chmod", "600", data.resolve("server.key").toString()));
      if (isRoot()) {
        run(List.of("chown", "postgres:postgres", data.resolve("server.crt").toString(),
            data.resolve("server.key").toString()));
      }
      options += " -c ssl=on";
    }
    asOwner(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-l",
        dir.resolve("log").toString(), "-o", options, "start");
  }

  /** psql against this server with the given extra environment, failing on any SQL error. */
  String psql(java.util.Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(bin.resolve("psql").toString(), "-X", "-q",
        "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", String.valueOf(port), "-U",
        "postgres"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process p = builder.start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
    }
    return out;
  }

  @Override
  public void close() throws Exception {
    try {
      asOwner(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w",
          "-m", "immediate", "stop");
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private void asOwner(String... command) throws Exception {
    List<String> full = new ArrayList<>();
    if (isRoot()) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(List.of(command));
    run(full);
  }

  private static void run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static Path binDir() throws Exception {
    String env = System.getenv("PG_BIN");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      return versions.max(Comparator.comparing(p -> Integer.parseInt(p.getFileName().toString())))
          .orElseThrow(() -> new AssertionError("no PostgreSQL under /usr/lib/postgresql"))
          .resolve("bin");
    }
  }
}
