package io.exporters.common.toy;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.testkit.ExporterProcess;
import io.exporters.testkit.InProcessExporter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An answer larger than the heap: a clear 503 with the reason, then business as usual. */
class MemoryShortTest {
  @TempDir Path dir;

  @Test
  void anAnswerThatDoesNotFitTheHeapIsA503WithAReasonNotAnEmpty500() throws Exception {
    // 4,000 series with 16 KiB label values: 64 MiB of text for a 32 MiB heap.
    try (ExporterProcess p = ExporterProcess.start(ToyExporter.class,
        List.of("-Xmx32m", "-XX:+UseSerialGC"),
        List.of("--toy.backend=memory", "--collector.wide", "--collector.wide.count=4000",
            "--collector.wide.label_bytes=16384"), Map.of(), dir.resolve("out.log"))) {
      InProcessExporter.Response r = p.get("/metrics");
      assertThat(r.status()).as(p.log()).isEqualTo(503);
      assertThat(new String(r.body(), StandardCharsets.UTF_8))
          .contains("not enough memory", "-Xmx");
      assertThat(p.get("/-/healthy").status()).isEqualTo(200);
      assertThat(p.get("/probe?target=toy://memory").status()).isEqualTo(503);
    }
  }
}
