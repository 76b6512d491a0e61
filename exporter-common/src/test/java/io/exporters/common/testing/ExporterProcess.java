package io.exporters.common.testing;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An exporter run as its own JVM, with the JVM flags users get ({@code jvm.options} at the top of
 * the repository) unless the test gives others, on a free loopback port. For what only a real
 * process shows: its heap limit, its threads and file descriptors, signals.
 */
public final class ExporterProcess implements AutoCloseable {
  private final Process process;
  private final int port;
  private final Path log;
  private final HttpClient client = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  private ExporterProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** The flags in the repository's jvm.options (searched upwards from the working directory). */
  public static List<String> shippedJvmFlags() throws IOException {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("jvm.options"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new AssertionError("no jvm.options above " + Path.of("").toAbsolutePath());
    }
    return Arrays.asList(Files.readString(dir.resolve("jvm.options")).trim().split("\\s+"));
  }

  /** Starts {@code mainClass} from the test classpath and waits until /-/ready answers 200. */
  public static ExporterProcess start(Class<?> mainClass, List<String> jvmFlags,
      List<String> args, Map<String, String> env, Path logFile) throws Exception {
    return start(List.of(), mainClass, jvmFlags, args, env, logFile);
  }

  /** As {@link #start}, run through {@code launcher} (e.g. {@code prlimit --nofile=64}). */
  public static ExporterProcess start(List<String> launcher, Class<?> mainClass,
      List<String> jvmFlags, List<String> args, Map<String, String> env, Path logFile)
      throws Exception {
    int port = Backends.freePort();
    List<String> command = new ArrayList<>(launcher);
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName(),
        "--web.listen-address=127.0.0.1:" + port));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(logFile.toFile());
    builder.environment().put("MALLOC_ARENA_MAX", "2");
    builder.environment().putAll(env);
    ExporterProcess p = new ExporterProcess(builder.start(), port, logFile);
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < until) {
      if (!p.process.isAlive()) {
        throw new AssertionError("the exporter exited: " + Files.readString(logFile));
      }
      try {
        if (p.get("/-/ready").statusCode() == 200) {
          return p;
        }
      } catch (IOException notYet) {
        // Still starting.
      }
      Thread.sleep(100);
    }
    p.close();
    throw new AssertionError("the exporter did not become ready: " + Files.readString(logFile));
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
  public HttpResponse<byte[]> get(String pathAndQuery, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + pathAndQuery)).timeout(Duration.ofSeconds(60));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
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
      throw new AssertionError("the exporter did not exit within " + wait + " of SIGTERM");
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
