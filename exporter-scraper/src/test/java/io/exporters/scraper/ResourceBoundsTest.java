package io.exporters.scraper;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.testkit.Await;
import io.exporters.testkit.ExporterProcess;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import io.exporters.testkit.ProcessResources;
import io.exporters.testkit.SilentServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real exporter process (shipped JVM flags) against a port that accepts TCP and never answers
 * (another process): 200 static targets there cost a few probe threads, not one per target, and
 * every socket is closed by the deadline; a burst of concurrent /probe calls leaves no socket.
 */
class ResourceBoundsTest {
  /** StaticProbes.HEDGE_FACTOR: workers added while all are stuck on slow targets. */
  private static final int HEDGE_FACTOR = 4;
  private static final int CONCURRENCY = 8;

  @Test
  void silentTargetsCostBoundedThreadsAndNoSockets(@TempDir Path dir) throws Exception {
    try (SilentServer.Running silent = SilentServer.start()) {
      StringBuilder yaml = new StringBuilder("probes: {concurrency: " + CONCURRENCY
          + "}\ntargets:\n");
      for (int i = 0; i < 200; i++) {
        yaml.append("  - http://127.0.0.1:").append(silent.port()).append("/t").append(i)
            .append('\n');
      }
      Path config = Files.writeString(dir.resolve("scraper.yml"), yaml);
      try (ExporterProcess p = ExporterProcess.start(ScraperExporter.class,
          ExporterProcess.shippedJvmFlags(), List.of("--config.file=" + config), Map.of(),
          dir.resolve("exporter.log"))) {
        ProcessResources resources = ProcessResources.of(p.pid());
        probeSilently(p, silent.port());
        Await.until("the warm-up probe's socket is closed", Duration.ofSeconds(10),
            () -> resources.socketsTo(silent.port()) == 0);
        int threadsBefore = p.threads();

        AtomicInteger most = new AtomicInteger();
        AtomicInteger mostSockets = new AtomicInteger();
        AtomicBoolean scraping = new AtomicBoolean(true);
        Thread watch = new Thread(() -> {
          while (scraping.get()) {
            try {
              most.accumulateAndGet(p.threads(), Math::max);
              mostSockets.accumulateAndGet((int) resources.socketsTo(silent.port()), Math::max);
              Thread.sleep(20);
            } catch (Exception e) {
              return;
            }
          }
        });
        watch.start();
        InProcessExporter.Response r = p.get("/metrics", "X-Prometheus-Scrape-Timeout-Seconds", "2");
        scraping.set(false);
        watch.join();
        assertThat(r.status()).isEqualTo(200);
        Exposition m = r.exposition();
        assertThat(m.samples("probe_success")).hasSize(200).allMatch(s -> s.value() == 0);
        assertThat(m.samples("probe_failure_info")).hasSize(200)
            .allMatch(s -> s.labels().get("reason").equals("timeout"));
        // The scrape's own thread, its round's, and the probe workers (concurrency, and up to 4
        // times as many while every worker is stuck on a slow target); not one per target.
        assertThat(most.get()).as(p.log())
            .isLessThanOrEqualTo(threadsBefore + CONCURRENCY * HEDGE_FACTOR + 6);
        // The count sees the probes' sockets while they wait, at most one per worker.
        assertThat(mostSockets.get()).isBetween(1, CONCURRENCY * HEDGE_FACTOR);

        ExecutorService callers = Executors.newFixedThreadPool(40);
        List<Future<InProcessExporter.Response>> answers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
          String target = "http://127.0.0.1:" + silent.port() + "/burst" + i;
          answers.add(callers.submit(() -> p.get("/probe?target=" + target,
              "X-Prometheus-Scrape-Timeout-Seconds", "1")));
        }
        for (Future<InProcessExporter.Response> a : answers) {
          assertThat(new String(a.get().body()))
              .contains("probe_failure_info{reason=\"timeout\"} 1");
        }
        callers.shutdown();
        Await.until("no socket to the silent port is left", Duration.ofSeconds(10),
            () -> resources.socketsTo(silent.port()) == 0);
      }
    }
  }

  private static void probeSilently(ExporterProcess p, int port) throws Exception {
    p.get("/probe?target=http://127.0.0.1:" + port + "/warm",
        "X-Prometheus-Scrape-Timeout-Seconds", "1");
  }
}
