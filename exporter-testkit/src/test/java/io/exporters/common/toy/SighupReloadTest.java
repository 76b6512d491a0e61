package io.exporters.common.toy;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.testkit.Await;
import io.exporters.testkit.Backends;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGHUP re-reads the config file of a running exporter process. */
class SighupReloadTest {
  @TempDir Path dir;

  @Test
  void sighupAppliesTheNewConfig() throws Exception {
    Path config = dir.resolve("toy.yml");
    Files.writeString(config, "backend: hup\n");
    int port = Backends.freePort();
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", System.getProperty("java.class.path"), ToyExporter.class.getName(),
        "--config.file=" + config, "--web.listen-address=127.0.0.1:" + port)
        .redirectErrorStream(true).redirectOutput(dir.resolve("out.log").toFile()).start();
    try {
      HttpClient client = HttpClient.newHttpClient();
      String metrics = "http://127.0.0.1:" + port + "/metrics";
      assertThat(poll(client, metrics, "toy_up 1")).isTrue();
      assertThat(get(client, metrics)).doesNotContain("toy_cached_calls");

      Files.writeString(config, "backend: hup\ncollectors:\n  cached: true\n");
      new ProcessBuilder("kill", "-HUP", Long.toString(p.pid())).start().waitFor();
      assertThat(poll(client, metrics, "toy_cached_calls")).as(Files.readString(
          dir.resolve("out.log"))).isTrue();
    } finally {
      p.destroy();
      p.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static boolean poll(HttpClient client, String url, String wanted) throws Exception {
    Await.until(url + " answers with " + wanted, Duration.ofSeconds(30),
        () -> get(client, url).contains(wanted));
    return true;
  }

  private static String get(HttpClient client, String url) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }
}
