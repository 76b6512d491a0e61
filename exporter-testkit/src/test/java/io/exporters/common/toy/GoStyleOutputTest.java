package io.exporters.common.toy;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.testkit.InProcessExporter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The whole of /metrics, the exporter's own and JVM metrics included, is written as the Go client
 * writes it: families sorted by name, floats in Go's shortest form ({@code 1}, not {@code 1.0};
 * {@code 1.79e+09}, not {@code 1.79E9}).
 */
class GoStyleOutputTest {
  private static final Pattern GO_FLOAT = Pattern.compile(
      "-?(0|[1-9][0-9]{0,5}|[0-9]\\.[0-9]+e[+-][0-9]{2,3}|[1-9]e[+-][0-9]{2,3}"
          + "|[0-9]{1,6}\\.[0-9]+|0\\.0{0,3}[1-9][0-9]*)|NaN|[+-]Inf");

  @Test
  void everyFamilyIsSortedAndEveryValueIsAGoFloat() throws Exception {
    ToyBackend.fresh("gostyle");
    try (InProcessExporter e = InProcessExporter.start(new ToyExporter(),
        List.of("--toy.backend=gostyle"), Map.of())) {
      String text = e.get("/metrics").text();
      List<String> families = new ArrayList<>();
      for (String line : text.split("\n")) {
        if (line.startsWith("# TYPE ")) {
          families.add(line.split(" ")[2]);
        } else if (!line.startsWith("#") && !line.isEmpty()) {
          String value = line.substring(line.lastIndexOf(' ') + 1);
          assertThat(GO_FLOAT.matcher(value).matches()).as(line).isTrue();
        }
      }
      assertThat(families).contains("toy_up", "jvm_memory_used_bytes",
          "process_cpu_seconds_total", "toy_exporter_scrapes_total").isSorted();
    }
  }
}
