package io.exporters.deploy;

import io.exporters.common.testing.Backends;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An exporter jar started as the image starts it ({@code java @ARGFILE -jar JAR}, with
 * MALLOC_ARENA_MAX=2), the shipped jvm.options as the argument file unless another is given, on
 * the Java runtime given, listening on a free loopback port.
 */
final class JarProcess implements AutoCloseable {
  final int port = Backends.freePort();
  private final Process process;
  private final Path log;
  private final HttpClient client;
  private final String scheme;

  JarProcess(Path javaHome, Path jar, List<String> args, Map<String, String> env, Path log,
      HttpClient client, String scheme) throws Exception {
    this(javaHome, Repo.file("jvm.options"), jar, args, env, log, client, scheme);
  }

  JarProcess(Path javaHome, Path argFile, Path jar, List<String> args, Map<String, String> env,
      Path log, HttpClient client, String scheme) throws Exception {
    this(List.of(), javaHome, argFile, jar, args, env, log, client, scheme);
  }

  /** Run through {@code launcher} (e.g. {@code prlimit --nofile=64:64}). */
  JarProcess(List<String> launcher, Path javaHome, Path argFile, Path jar, List<String> args,
      Map<String, String> env, Path log, HttpClient client, String scheme) throws Exception {
    this.log = log;
    this.client = client;
    this.scheme = scheme;
    List<String> command = new ArrayList<>(launcher);
    command.addAll(List.of(javaHome.resolve("bin/java").toString(),
        "@" + argFile, "-jar", jar.toString(), "--web.listen-address=127.0.0.1:" + port));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().put("MALLOC_ARENA_MAX", "2");
    builder.environment().putAll(env);
    process = builder.start();
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < until) {
      if (!process.isAlive()) {
        throw new AssertionError(jar.getFileName() + " exited: " + Files.readString(log));
      }
      try {
        if (get("/-/ready").statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Still starting.
      }
      Thread.sleep(100);
    }
    close();
    throw new AssertionError(jar.getFileName() + " did not become ready: "
        + Files.readString(log));
  }

  HttpResponse<String> get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(scheme + "://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  String log() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
