package io.exporters.common.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessStatsTest {
  private static final String STATUS = "Name:\tjava\nVmPeak:\t  600000 kB\nVmSize:\t  488902 kB\n"
      + "VmRSS:\t   91560 kB\nRssAnon:\t   50000 kB\nThreads:\t26\n";

  @Test
  void readsBothMemorySizesFromOneStatusText() {
    byte[] text = STATUS.getBytes(StandardCharsets.US_ASCII);
    assertThat(ProcessStats.kilobytes(text, "VmSize:")).isEqualTo(488902);
    assertThat(ProcessStats.kilobytes(text, "VmRSS:")).isEqualTo(91560);
    assertThat(ProcessStats.kilobytes(text, "VmSwap:")).isEqualTo(-1);
    assertThat(ProcessStats.kilobytes("VmRSS:\n".getBytes(StandardCharsets.US_ASCII), "VmRSS:"))
        .isEqualTo(-1);
  }

  @Test
  void servesTheSixFamiliesWithClientJavasNames(@TempDir Path dir) throws Exception {
    Path status = dir.resolve("status");
    Files.writeString(status, STATUS);
    Map<String, Double> values = values(new ProcessStats(status).collect());
    assertThat(values).containsKeys("process_cpu_seconds", "process_start_time_seconds",
        "process_open_fds", "process_max_fds");
    assertThat(values).containsEntry("process_virtual_memory_bytes", 488902 * 1024.0)
        .containsEntry("process_resident_memory_bytes", 91560 * 1024.0);
    assertThat(values.get("process_open_fds")).isPositive();
    assertThat(values.get("process_max_fds")).isGreaterThanOrEqualTo(values.get("process_open_fds"));
    assertThat(values.get("process_start_time_seconds"))
        .isBetween(System.currentTimeMillis() / 1000.0 - 3600, System.currentTimeMillis() / 1000.0);
  }

  @Test
  void theRealProcessHasMemoryAndNoStatusFileOnlyCostsTheMemoryFamilies(@TempDir Path dir) {
    Map<String, Double> real = values(new ProcessStats().collect());
    assertThat(real.get("process_resident_memory_bytes")).isGreaterThan(10e6);
    assertThat(real.get("process_virtual_memory_bytes"))
        .isGreaterThan(real.get("process_resident_memory_bytes"));
    Map<String, Double> none = values(new ProcessStats(dir.resolve("missing")).collect());
    assertThat(none).doesNotContainKeys("process_resident_memory_bytes",
        "process_virtual_memory_bytes").containsKey("process_cpu_seconds");
  }

  private static Map<String, Double> values(MetricSnapshots snapshots) {
    Map<String, Double> out = new HashMap<>();
    for (MetricSnapshot s : snapshots) {
      DataPointSnapshot p = s.getDataPoints().get(0);
      out.put(s.getMetadata().getPrometheusName(), p instanceof GaugeSnapshot.GaugeDataPointSnapshot g
          ? g.getValue() : ((io.prometheus.metrics.model.snapshots.CounterSnapshot
              .CounterDataPointSnapshot) p).getValue());
    }
    return out;
  }

  @Test
  void readsTheStatusFileThroughOneDescriptorKeptOpen(@TempDir Path dir) throws Exception {
    Path status = dir.resolve("status");
    Files.writeString(status, STATUS);
    ProcessStats stats = new ProcessStats(status);
    stats.collect();
    long before = openFds();
    for (int i = 0; i < 50; i++) {
      stats.collect();
    }
    assertThat(openFds()).isLessThanOrEqualTo(before);
    // Read from the start each time: a new content is seen.
    Files.writeString(status, STATUS.replace("91560", "12345"));
    assertThat(values(stats.collect())).containsEntry("process_resident_memory_bytes",
        12345 * 1024.0);
  }

  private static long openFds() throws Exception {
    try (var fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    }
  }
}
