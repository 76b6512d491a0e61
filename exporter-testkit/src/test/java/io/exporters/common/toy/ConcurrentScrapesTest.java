package io.exporters.common.toy;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.testkit.Await;
import io.exporters.testkit.InProcessExporter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A burst of scrapers: one round, one rendered body per format, and threads that go away. */
class ConcurrentScrapesTest {
  @Test
  void scrapesThatJoinARoundShareOneRenderedBodyPerFormat() throws Exception {
    ToyBackend backend = ToyBackend.fresh("shared");
    backend.delaysMs.put("slow", 600L);
    try (InProcessExporter e = InProcessExporter.start(new ToyExporter(),
        List.of("--toy.backend=shared", "--collector.slow"), Map.of())) {
      ExecutorService pool = Executors.newFixedThreadPool(12);
      List<Future<InProcessExporter.Response>> text = new ArrayList<>();
      List<Future<InProcessExporter.Response>> openMetrics = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        text.add(pool.submit(() -> e.get("/metrics")));
        openMetrics.add(pool.submit(() -> e.get("/metrics", "Accept",
            "application/openmetrics-text;version=1.0.0", "Accept-Encoding", "gzip")));
      }
      Set<String> textBodies = new java.util.HashSet<>();
      for (Future<InProcessExporter.Response> r : text) {
        textBodies.add(r.get().text());
      }
      Set<String> gzipBodies = new java.util.HashSet<>();
      for (Future<InProcessExporter.Response> r : openMetrics) {
        assertThat(r.get().headers()).containsEntry("content-encoding", "gzip");
        gzipBodies.add(java.util.Base64.getEncoder().encodeToString(r.get().body()));
      }
      pool.shutdown();
      // Self-metrics (scrape counts, memory) would differ between two renders.
      assertThat(textBodies).hasSize(1);
      assertThat(gzipBodies).hasSize(1);
      assertThat(backend.calls("slow")).isEqualTo(1);
    }
  }

  @Test
  void httpThreadsGoBackDownAfterABurst() throws Exception {
    ToyBackend backend = ToyBackend.fresh("burst");
    backend.delaysMs.put("slow", 300L);
    try (InProcessExporter e = InProcessExporter.start(new ToyExporter(),
        List.of("--toy.backend=burst", "--collector.slow"), Map.of())) {
      e.get("/metrics");
      long before = Await.value("the HTTP threads settle after the first scrape",
          Duration.ofSeconds(10), new java.util.concurrent.Callable<long[]>() {
            long last = -1;

            @Override
            public long[] call() {
              long now = httpThreads();
              long[] pair = {last, now};
              last = now;
              return pair;
            }
          }, pair -> pair[0] == pair[1])[1];
      ExecutorService pool = Executors.newFixedThreadPool(50);
      List<Future<InProcessExporter.Response>> answers = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        answers.add(pool.submit(() -> e.get("/metrics")));
      }
      for (Future<InProcessExporter.Response> r : answers) {
        assertThat(r.get().status()).isEqualTo(200);
      }
      pool.shutdown();
      long during = httpThreads();
      assertThat(during).isGreaterThan(before + 2);
      Await.until("the HTTP threads go back down", Duration.ofSeconds(15),
          () -> httpThreads() <= before + 2);
    }
  }

  /**
   * A scrape arriving while the last round's answer is still being written joins that result
   * instead of starting a round of its own (a flood would otherwise hold one result per round);
   * once nobody writes it, the next scrape starts a round.
   */
  @Test
  void aScrapeWhileTheLastAnswerIsStillWrittenJoinsIt() throws Exception {
    ToyBackend backend = ToyBackend.fresh("answering");
    try (InProcessExporter e = InProcessExporter.start(new ToyExporter(), List.of(
        "--toy.backend=answering", "--collector.wide", "--collector.wide.count=4000",
        "--collector.wide.label_bytes=4096"), Map.of())) {
      try (java.net.Socket slow = new java.net.Socket("127.0.0.1", e.port())) {
        slow.setReceiveBufferSize(4096);
        slow.getOutputStream().write("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n"
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        slow.getOutputStream().flush();
        // 16 MB of answer: the exporter is still writing it to this reader, who does not read.
        Await.until("the exporter is writing the answer to the slow reader",
            Duration.ofSeconds(5), () -> slow.getInputStream().available() > 0);
        assertThat(e.get("/metrics").status()).isEqualTo(200);
        assertThat(backend.calls("alpha")).as("joined the answer being written").isEqualTo(1);
      }
      // Nobody writes it any more: a round of its own.
      Await.until("a scrape starts a round of its own", Duration.ofSeconds(5), () -> {
        assertThat(e.get("/metrics").status()).isEqualTo(200);
        return backend.calls("alpha") >= 2;
      });
      assertThat(backend.calls("alpha")).isEqualTo(2);
    }
  }

  private static long httpThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("http-")).count();
  }
}
