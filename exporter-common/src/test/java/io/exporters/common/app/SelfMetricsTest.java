package io.exporters.common.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.common.metrics.MetricFamily;
import io.exporters.common.metrics.Sample;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exporter's own metrics: the JVM's and the process's, without the ones that pause the VM. */
class SelfMetricsTest {
  @Test
  void threadCountsStayAndThreadDumpsAreLeftOut() {
    SelfMetrics self = new SelfMetrics("toy_exporter", "toy", new BuildInfo("1.2.3", "abc"));
    List<String> names = self.families().stream().map(MetricFamily::name).toList();
    assertThat(names).contains("jvm_threads_current", "jvm_threads_daemon", "jvm_threads_peak",
        "jvm_memory_used_bytes", "process_open_fds", "toy_exporter_build_info",
        "toy_exporter_scrapes_total");
    assertThat(names).doesNotContainAnyElementsOf(SelfMetrics.TOO_COSTLY);
  }

  @Test
  void buildInfoCarriesVersionRevisionAndJavaVersion() {
    SelfMetrics self = new SelfMetrics("toy_exporter", "toy", new BuildInfo("1.2.3", "abc"));
    Sample info = self.families().stream()
        .filter(f -> f.name().equals("toy_exporter_build_info"))
        .findFirst().orElseThrow().samples().get(0);
    assertThat(info.labelValues().get(info.labelNames().indexOf("version"))).isEqualTo("1.2.3");
    assertThat(info.labelValues().get(info.labelNames().indexOf("javaversion")))
        .isEqualTo(System.getProperty("java.version"));
  }
}
