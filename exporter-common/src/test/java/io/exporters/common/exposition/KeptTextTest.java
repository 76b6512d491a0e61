package io.exporters.common.exposition;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.common.metrics.MetricFamily;
import io.exporters.common.metrics.MetricType;
import io.exporters.common.metrics.Sample;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A family served again as the same object is written to text once and then kept: the bodies
 * are byte for byte what writing it afresh gives, in both formats, and a family served once is
 * not kept (it would only cost memory).
 */
class KeptTextTest {
  static MetricFamily big(String name) {
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      samples.add(new Sample(name, List.of("zone", "status"), List.of("z" + i, "200"), i * 1.5));
    }
    return new MetricFamily(name, MetricType.COUNTER, "requests \"by\" zone", samples);
  }

  static String text(List<MetricFamily> families, boolean openMetrics) {
    Utf8Buffer out = new Utf8Buffer(64);
    if (openMetrics) {
      OpenMetricsFormat.write(out, families);
    } else {
      TextFormat.write(out, families);
    }
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }

  @Test
  void aFamilyWrittenAgainIsKeptAndWritesTheSameText() {
    MetricFamily kept = big("cloudflare_zone_requests_total");
    MetricFamily small = new MetricFamily("a_small", MetricType.GAUGE, "",
        List.of(new Sample("a_small", List.of(), List.of(), 1)));
    for (boolean openMetrics : new boolean[] {false, true}) {
      Exposition.Format format = openMetrics ? Exposition.Format.OPENMETRICS
          : Exposition.Format.TEXT;
      String fresh = text(List.of(big("cloudflare_zone_requests_total"), small), openMetrics);
      assertThat(text(List.of(kept, small), openMetrics)).isEqualTo(fresh);
      assertThat(KeptText.of(kept).get(format)).as("not kept after one writing").isNull();
      assertThat(text(List.of(kept, small), openMetrics)).isEqualTo(fresh);
      assertThat(KeptText.of(kept).get(format)).as("kept from the second writing").isNotNull();
      assertThat(text(List.of(small, kept), openMetrics)).isEqualTo(fresh);
    }
    assertThat(text(List.of(kept), false)).startsWith(
        "# HELP cloudflare_zone_requests_total requests \"by\" zone\n");
    assertThat(text(List.of(kept), true)).startsWith(
        "# TYPE cloudflare_zone_requests counter\n");
  }

  @Test
  void sharedArraysAreReadBackInPlaceEveryWay() throws Exception {
    Utf8Buffer out = new Utf8Buffer(16);
    byte[] shared = "x".repeat(5000).getBytes(StandardCharsets.UTF_8);
    out.write("head ");
    out.writeShared(shared);
    out.write(" middle ");
    out.writeShared("tiny".getBytes(StandardCharsets.UTF_8));
    out.writeShared(shared);
    out.write(" tail");
    String expected = "head " + "x".repeat(5000) + " middle tiny" + "x".repeat(5000) + " tail";
    assertThat(out.size()).isEqualTo(expected.length());
    assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8)).isEqualTo(expected);
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    out.writeTo(copy);
    assertThat(copy.toString(StandardCharsets.UTF_8)).isEqualTo(expected);
    assertThat(new String(out.inputStream().readAllBytes(), StandardCharsets.UTF_8))
        .isEqualTo(expected);
  }
}
