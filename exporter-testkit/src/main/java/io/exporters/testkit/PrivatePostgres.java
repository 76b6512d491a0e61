package io.exporters.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server on a free port, for tests that stop and restart the backend.
 * Runs as the postgres user when the tests run as root (PostgreSQL refuses root). Binaries come
 * from {@code PG_BIN} or /usr/lib/postgresql/&lt;newest&gt;/bin.
 */
public final class PrivatePostgres implements AutoCloseable {
  public final int port = Backends.freePort();
  private final Path dir;
  private final Path bin;
  private final List<String> settings;

  public PrivatePostgres() throws Exception {
    this(binDir(), null, List.of(), null, null);
  }

  /** A server started with these {@code name=value} settings, e.g. shared_preload_libraries. */
  public static PrivatePostgres withSettings(String... settings) throws Exception {
    return new PrivatePostgres(binDir(), null, List.of(settings), null, null);
  }

  /** A server that also accepts TLS ({@code ssl=on}) with this certificate and key. */
  public static PrivatePostgres withTls(Path certFile, Path keyFile) throws Exception {
    return new PrivatePostgres(binDir(), null, List.of("ssl=on"), certFile, keyFile);
  }

  /**
   * A server of another major version, from the builds .ci/postgres-versions installs under
   * TEST_PG_VERSIONS_DIR (default /opt/exporters-pg); the system's own for its major.
   */
  public static PrivatePostgres ofMajor(int major, String... settings) throws Exception {
    Path system = binDir();
    if (system.getParent().getFileName().toString().equals(Integer.toString(major))) {
      return new PrivatePostgres(system, null, List.of(settings), null, null);
    }
    String dir = System.getenv("TEST_PG_VERSIONS_DIR");
    Path bin = Path.of(dir == null || dir.isBlank() ? "/opt/exporters-pg" : dir,
        Integer.toString(major), "bin");
    if (!Files.isExecutable(bin.resolve("postgres"))) {
      throw new AssertionError("no PostgreSQL " + major + " binaries in " + bin
          + ": run .ci/postgres-versions (part of .ci/services) to install them");
    }
    return new PrivatePostgres(bin, null, List.of(settings), null, null);
  }

  /** A streaming standby of {@code primary}, cloned with pg_basebackup. */
  public static PrivatePostgres standbyOf(PrivatePostgres primary) throws Exception {
    return new PrivatePostgres(binDir(), primary, List.of(), null, null);
  }

  private PrivatePostgres(Path bin, PrivatePostgres primary, List<String> settings,
      Path certFile, Path keyFile) throws Exception {
    this.settings = settings;
    this.bin = bin;
    dir = Files.createTempDirectory("exp-pg-");
    run(List.of("chmod", "755", dir.toString()));
    if (isRoot()) {
      run(List.of("chown", "postgres:postgres", dir.toString()));
    }
    if (primary == null) {
      asOwner(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-A",
          "trust", "-U", "postgres", "--no-sync");
    } else {
      asOwner(bin.resolve("pg_basebackup").toString(), "-h", "127.0.0.1", "-p",
          Integer.toString(primary.port), "-U", "postgres", "-D", dir.resolve("data").toString(),
          "-R", "-X", "stream", "--no-sync");
    }
    if (certFile != null) {
      // In the data directory, owned by the server's user: the only place it reads them from
      // without extra settings, and a key it accepts (mode 600).
      Path data = dir.resolve("data");
      Files.copy(certFile, data.resolve("server.crt"));
      Files.copy(keyFile, data.resolve("server.key"));
      run(List.of("chmod", "600", data.resolve("server.key").toString()));
      if (isRoot()) {
        run(List.of("chown", "postgres:postgres", data.resolve("server.crt").toString(),
            data.resolve("server.key").toString()));
      }
    }
    start();
  }

  public String dsn() {
    return "postgresql://postgres@127.0.0.1:" + port + "/postgres?sslmode=disable";
  }

  public void start() throws Exception {
    StringBuilder options = new StringBuilder("-p " + port + " -k " + dir
        + " -c listen_addresses=127.0.0.1 -c fsync=off");
    for (String setting : settings) {
      options.append(" -c ").append(setting);
    }
    asOwner(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-l",
        dir.resolve("log").toString(), "-o", options.toString(), "start");
  }

  /**
   * Replaces pg_hba.conf and reloads: e.g. password authentication for everyone but the
   * postgres superuser, which the tests use for setup.
   */
  public void hba(String... lines) throws Exception {
    Path hba = dir.resolve("data").resolve("pg_hba.conf");
    Files.writeString(hba, String.join("\n", lines) + "\n");
    if (isRoot()) {
      run(List.of("chown", "postgres:postgres", hba.toString()));
    }
    asOwner(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "reload");
  }

  /** psql as the superuser with the given extra environment, failing on any SQL error. */
  public String psql(Map<String, String> env, String... args) throws Exception {
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

  /** A superuser connection over TCP, for setup. */
  public java.sql.Connection admin() throws java.sql.SQLException {
    return java.sql.DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + port + "/postgres?sslmode=disable", "postgres", "");
  }

  public void stop() throws Exception {
    asOwner(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-m",
        "immediate", "stop");
  }

  @Override
  public void close() throws Exception {
    try {
      stop();
    } catch (Exception ignored) {
      // Already stopped.
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
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

  private static Path binDir() throws IOException {
    String env = System.getenv("PG_BIN");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    Path base = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(base)) {
      throw new AssertionError("no PostgreSQL binaries: install postgresql or set PG_BIN");
    }
    try (Stream<Path> versions = Files.list(base)) {
      return versions.max(Comparator.comparing(p -> Integer.parseInt(p.getFileName().toString())))
          .orElseThrow(() -> new AssertionError("no PostgreSQL under " + base))
          .resolve("bin");
    }
  }
}
