package io.exporters.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.testkit.Backends;
import io.exporters.testkit.ExporterProcess;
import io.exporters.testkit.Exposition;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * exporter-redis's jar under a file descriptor limit of 64 and 50 clients: every scrape is
 * answered and reaches Redis; clients beyond what the limit allows wait to be accepted, and no
 * scrape needs a new descriptor for /proc (the anchor answered all; we answered three in four
 * with a 500).
 */
class FileDescriptorLimitTest {
  @Test
  void fiftyClientsUnderNofile64AreAllAnswered(@TempDir Path dir) throws Exception {
    try (ExporterProcess p = ExporterProcess.ofJar(Repo.jar("redis"))
        .launcher(List.of("prlimit", "--nofile=64:64")).argFile(Repo.file("jvm.options"))
        .args(List.of("--redis.addr=redis://" + Backends.redis().address()))
        .log(dir.resolve("exporter.log")).start()) {
      ExecutorService clients = Executors.newFixedThreadPool(50);
      List<Future<List<String>>> results = new ArrayList<>();
      for (int c = 0; c < 50; c++) {
        results.add(clients.submit(() -> {
          // A client of its own: a connection of its own.
          HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(20)).build();
          List<String> problems = new ArrayList<>();
          for (int i = 0; i < 10; i++) {
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + p.port() + "/metrics")).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
              problems.add("status " + r.statusCode());
            } else if (Exposition.parse(r.headers().firstValue("content-type").orElse(""),
                r.body()).value("redis_up") != 1) {
              problems.add("redis_up 0");
            }
          }
          return problems;
        }));
      }
      List<String> problems = new ArrayList<>();
      for (Future<List<String>> f : results) {
        problems.addAll(f.get());
      }
      clients.shutdown();
      assertThat(problems).as(p.log()).isEmpty();
      assertThat(p.log()).doesNotContain("Too many open files")
          .contains("the file descriptor limit is low");
    }
  }
}
