package io.exporters.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An exporter run as a process of its own, on a free loopback port, for what only a process
 * shows: its heap limit, threads and file descriptors, signals, a shipped jar on a shipped
 * runtime, or a Go anchor beside ours. One launcher for all: a main class from the test class
 * path, a jar, or any command taking {@code --web.listen-address}; optionally under a launcher
 * ({@code prlimit --nofile=64:64}). {@link #start} waits until it answers.
 */
public final class ExporterProcess implements AutoCloseable {
  private final Process process;
  private final int port;
  private final Path log;
  private final HttpClient client;
  private final String scheme;

  private ExporterProcess(Process process, int port, Path log, HttpClient client, String scheme) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.client = client;
    this.scheme = scheme;
  }

  /** {@code mainClass} with these JVM flags, arguments and environment, started. */
  public static ExporterProcess start(Class<?> mainClass, List<String> jvmFlags,
      List<String> args, Map<String, String> env, Path logFile) throws Exception {
    return ofClass(mainClass).jvmFlags(jvmFlags).args(args).env(env).log(logFile).start();
  }

  /** {@code mainClass} from the test class path, on this JVM's java. */
  public static Builder ofClass(Class<?> mainClass) {
    Builder b = new Builder();
    b.mainClass = mainClass;
    return b;
  }

  /** {@code java -jar jar}. */
  public static Builder ofJar(Path jar) {
    Builder b = new Builder();
    b.jar = jar;
    return b;
  }

  /** Any program that takes {@code --web.listen-address} (a Go anchor, say). */
  public static Builder ofCommand(List<String> command) {
    Builder b = new Builder();
    b.command = List.copyOf(command);
    b.readyPath = "/metrics";
    return b;
  }

  /** The flags in the repository's jvm.options (searched upwards from the working directory). */
  public static List<String> shippedJvmFlags() throws IOException {
    return Arrays.asList(Files.readString(shippedJvmOptions()).trim().split("\\s+"));
  }

  /** The repository's jvm.options file. */
  public static Path shippedJvmOptions() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("jvm.options"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new AssertionError("no jvm.options above " + Path.of("").toAbsolutePath());
    }
    return dir.resolve("jvm.options");
  }

  /** What to run and how. */
  public static final class Builder {
    private Class<?> mainClass;
    private Path jar;
    private List<String> command;
    private Path javaHome = Path.of(System.getProperty("java.home"));
    private List<String> jvmFlags = List.of();
    private Path argFile;
    private List<String> launcher = List.of();
    private List<String> args = List.of();
    private final Map<String, String> env = new LinkedHashMap<>();
    private Path log;
    private String readyPath = "/-/ready";
    private HttpClient client;
    private String scheme = "http";

    private Builder() {
      env.put("MALLOC_ARENA_MAX", "2");
    }

    public Builder javaHome(Path home) {
      this.javaHome = home;
      return this;
    }

    public Builder jvmFlags(List<String> flags) {
      this.jvmFlags = List.copyOf(flags);
      return this;
    }

    /** JVM flags from a file, as the images give them ({@code java @file}). */
    public Builder argFile(Path file) {
      this.argFile = file;
      return this;
    }

    /** A program the command runs under, e.g. {@code prlimit --nofile=64:64}. */
    public Builder launcher(List<String> launcher) {
      this.launcher = List.copyOf(launcher);
      return this;
    }

    public Builder args(List<String> args) {
      this.args = List.copyOf(args);
      return this;
    }

    public Builder env(Map<String, String> env) {
      this.env.putAll(env);
      return this;
    }

    /** Where its output goes; required. */
    public Builder log(Path log) {
      this.log = log;
      return this;
    }

    /** A TLS listener: the client to reach it with. */
    public Builder https(HttpClient client) {
      this.client = client;
      this.scheme = "https";
      return this;
    }

    public ExporterProcess start() throws Exception {
      if (log == null) {
        throw new IllegalStateException("give a log file");
      }
      int port = Backends.freePort();
      List<String> full = new ArrayList<>(launcher);
      if (command != null) {
        full.addAll(command);
      } else {
        full.add(javaHome.resolve("bin/java").toString());
        full.addAll(jvmFlags);
        if (argFile != null) {
          full.add("@" + argFile);
        }
        if (jar != null) {
          full.addAll(List.of("-jar", jar.toString()));
        } else {
          full.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
        }
      }
      full.add("--web.listen-address=127.0.0.1:" + port);
      full.addAll(args);
      ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true)
          .redirectOutput(log.toFile());
      builder.environment().putAll(env);
      HttpClient http = client != null ? client
          : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      ExporterProcess p = new ExporterProcess(builder.start(), port, log, http, scheme);
      long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (System.nanoTime() < until) {
        if (!p.process.isAlive()) {
          throw new AssertionError(full.get(0) + " exited: " + p.log());
        }
        try {
          if (p.get(readyPath).status() == 200) {
            return p;
          }
        } catch (IOException notYet) {
          // Still starting.
        }
        Thread.sleep(50);
      }
      p.close();
      throw new AssertionError(full.get(0) + " did not become ready: " + p.log());
    }
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  public String log() throws IOException {
    return Files.readString(log);
  }

  /** GET with optional headers given as name, value pairs. */
  public InProcessExporter.Response get(String pathAndQuery, String... headers)
      throws IOException {
    HttpRequest.Builder b = HttpRequest.newBuilder(
        URI.create(scheme + "://127.0.0.1:" + port + pathAndQuery)).timeout(Duration.ofSeconds(60));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      Map<String, String> h = new LinkedHashMap<>();
      r.headers().map().forEach((k, v) -> h.put(k.toLowerCase(), String.join(",", v)));
      return new InProcessExporter.Response(r.statusCode(), h, r.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** The page as text. */
  public String text(String pathAndQuery) throws IOException {
    return get(pathAndQuery).text();
  }

  /** The page parsed (any format). */
  public Exposition scrape(String pathAndQuery) throws IOException {
    return get(pathAndQuery).exposition();
  }

  /** Threads of the process right now, from /proc. */
  public int threads() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
      if (line.startsWith("Threads:")) {
        return Integer.parseInt(line.substring(8).trim());
      }
    }
    throw new IllegalStateException("no thread count in /proc");
  }

  /** Sends SIGTERM, as docker stop and Kubernetes do, and returns the exit code. */
  public int terminate(Duration wait) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("the process did not exit within " + wait + " of SIGTERM");
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
