package io.exporters.common.toy;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.testkit.Await;
import io.exporters.testkit.ExporterProcess;
import io.exporters.testkit.InProcessExporter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM, as docker stop and Kubernetes send it: the scrape in flight is answered in full, the
 * shutdown is logged, and the process exits 0.
 */
class GracefulStopTest {
  @TempDir Path dir;

  @Test
  void sigtermFinishesTheScrapeInFlightLogsAndExitsZero() throws Exception {
    ExporterProcess p = ExporterProcess.start(ToyExporter.class, List.of("-Xmx64m"),
        List.of("--toy.backend=graceful", "--collector.slow"), Map.of("TOY_SLOW_MS", "1500",
            "TOY_STARTED_FILE", dir.resolve("started").toString()),
        dir.resolve("toy.log"));
    try {
      CompletableFuture<InProcessExporter.Response> scrape = CompletableFuture.supplyAsync(() -> {
        try {
          return p.get("/metrics");
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      Await.until("the scrape is in the slow collector", Duration.ofSeconds(20),
          () -> Files.exists(dir.resolve("started"))
              && Files.readString(dir.resolve("started")).contains("slow"));
      assertThat(p.terminate(Duration.ofSeconds(20))).as(p.log()).isZero();
      InProcessExporter.Response answer = scrape.get();
      assertThat(answer.status()).isEqualTo(200);
      assertThat(new String(answer.body(), StandardCharsets.UTF_8))
          .contains("toy_slow_value 1", "toy_up 1");
      assertThat(p.log()).contains("msg=\"shutting down: refusing new requests, finishing those"
          + " in flight\"", "in_flight=1", "reason=SIGTERM", "msg=stopped", "unfinished=0");
    } finally {
      p.close();
    }
  }
}
