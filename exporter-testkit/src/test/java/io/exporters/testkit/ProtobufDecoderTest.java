package io.exporters.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.testkit.Exposition.Sample;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_35_0.Metrics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProtobufDecoderTest {
  @ParameterizedTest
  @CsvSource({
    "7748967, 7.748967e+06",
    "123456, 123456",
    "1000000, 1e+06",
    "1, 1",
    "0.1, 0.1",
    "0.25, 0.25",
    "0.0001, 0.0001",
    "0.00001, 1e-05",
    "-2.5, -2.5",
    "1.5e300, 1.5e+300",
    "0, 0",
    "NaN, NaN",
    "Infinity, +Inf",
    "-Infinity, -Inf",
  })
  void formatsFloatsLikeGo(double value, String expected) {
    assertThat(ProtobufDecoder.goFloat(value)).isEqualTo(expected);
  }

  @Test
  void addsTheImplicitInfBucketAndReadsFloatCounts() throws IOException {
    Metrics.MetricFamily family = Metrics.MetricFamily.newBuilder()
        .setName("h")
        .setType(Metrics.MetricType.HISTOGRAM)
        .addMetric(Metrics.Metric.newBuilder()
            .addLabel(Metrics.LabelPair.newBuilder().setName("job").setValue("x"))
            .setHistogram(Metrics.Histogram.newBuilder()
                .setSampleCountFloat(4.5)
                .setSampleSum(9)
                .addBucket(Metrics.Bucket.newBuilder()
                    .setUpperBound(0.5).setCumulativeCountFloat(1.5))))
        .build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    family.writeDelimitedTo(out);

    assertThat(ProtobufDecoder.decode(out.toByteArray()).get(0).samples()).containsExactly(
        new Sample("h_bucket", Map.of("job", "x", "le", "0.5"), 1.5),
        new Sample("h_bucket", Map.of("job", "x", "le", "+Inf"), 4.5),
        new Sample("h_sum", Map.of("job", "x"), 9),
        new Sample("h_count", Map.of("job", "x"), 4.5));
  }

  @Test
  void emptyBodyHasNoFamilies() {
    assertThat(ProtobufDecoder.decode(new byte[0])).isEmpty();
  }
}
