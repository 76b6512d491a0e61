package io.exporters.common.toy;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.testkit.Await;
import io.exporters.testkit.InProcessExporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Past scrape.max_concurrent_probes, /probe answers 503 at once with the reason instead of
 * queueing for a thread past its deadline, and /metrics keeps being answered meanwhile.
 */
class AdmissionTest {
  @TempDir Path dir;

  @Test
  void probesPastTheCapAre503AtOnceAndMetricsStillAnswers() throws Exception {
    String name = "adm" + UUID.randomUUID().toString().substring(0, 6);
    ToyBackend backend = ToyBackend.fresh(name);
    Path config = Files.writeString(dir.resolve("toy.yml"),
        "scrape:\n  max_concurrent_probes: 5\n");
    try (InProcessExporter e = InProcessExporter.start(new ToyExporter(), List.of(
        "--config.file=" + config, "--toy.backend=" + name, "--collector.slow"), Map.of())) {
      backend.delaysMs.put("slow", 1500L);
      ExecutorService callers = Executors.newFixedThreadPool(20);
      List<Future<InProcessExporter.Response>> answers = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String target = "toy://" + name + "-" + i;
        ToyBackend.fresh(name + "-" + i).delaysMs.put("slow", 1500L);
        answers.add(callers.submit(() -> e.get("/probe?target=" + target)));
      }
      Await.until("every probe is answered or in its slow collector", Duration.ofSeconds(10),
          () -> answers.stream().filter(Future::isDone).count() + IntStream.range(0, 20)
              .map(i -> ToyBackend.named(name + "-" + i).calls("slow")).sum() == 20);
      backend.delaysMs.remove("slow");
      assertThat(e.get("/metrics").status()).as("/metrics while probes are capped")
          .isEqualTo(200);
      int ok = 0;
      int busy = 0;
      for (Future<InProcessExporter.Response> a : answers) {
        InProcessExporter.Response r = a.get();
        if (r.status() == 200) {
          ok++;
        } else {
          assertThat(r.status()).isEqualTo(503);
          assertThat(r.text()).contains("too busy", "scrape.max_concurrent_probes");
          assertThat(r.headers()).containsEntry("retry-after", "1");
          busy++;
        }
      }
      callers.shutdown();
      assertThat(ok).isBetween(1, 5);
      assertThat(busy).isEqualTo(20 - ok);
    }
  }
}
