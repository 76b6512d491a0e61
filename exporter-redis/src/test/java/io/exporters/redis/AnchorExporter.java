package io.exporters.redis;

import io.exporters.common.testing.Backends;
import io.exporters.common.testing.Exposition;
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
import java.util.concurrent.TimeUnit;

/**
 * Debian's prometheus-redis-exporter (redis_exporter 1.45, the anchor) as a child process on a
 * free port, for side-by-side comparisons; .ci/services installs it without starting its service.
 */
final class AnchorExporter implements AutoCloseable {
  static final Path BINARY = Path.of("/usr/bin/prometheus-redis-exporter");

  private final Process process;
  private final int port;
  private final HttpClient client = HttpClient.newHttpClient();

  private AnchorExporter(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static AnchorExporter start(List<String> flags) throws Exception {
    if (!Files.isExecutable(BINARY)) {
      throw new AssertionError(BINARY + " is missing: apt-get install prometheus-redis-exporter "
          + "(.ci/services does)");
    }
    int port = Backends.freePort();
    List<String> command = new ArrayList<>(List.of(BINARY.toString(),
        "--web.listen-address=127.0.0.1:" + port));
    command.addAll(flags);
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    AnchorExporter anchor = new AnchorExporter(p, port);
    for (int i = 0; i < 100; i++) {
      try {
        anchor.text("/metrics");
        return anchor;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    anchor.close();
    throw new AssertionError("the anchor exporter did not start");
  }

  Exposition scrape(String path) throws Exception {
    return Exposition.parseText(text(path));
  }

  String text(String path) throws IOException, InterruptedException {
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
    return r.body();
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
