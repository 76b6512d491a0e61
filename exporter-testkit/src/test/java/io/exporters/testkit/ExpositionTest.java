package io.exporters.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.exporters.testkit.Exposition.Family;
import io.exporters.testkit.Exposition.Sample;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Quantile;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.SummarySnapshot.SummaryDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot.UnknownDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpositionTest {
  private static final String TEXT = String.join("\n",
      "# HELP go_memstats_alloc_bytes Number of bytes allocated and still in use.",
      "# TYPE go_memstats_alloc_bytes gauge",
      "go_memstats_alloc_bytes 7.748967e+06",
      "# HELP http_requests_total Requests by \"path\".\\nSecond line, a \\\\ backslash.",
      "# TYPE http_requests_total counter",
      "http_requests_total{path=\"/a\\\"b\\\\c\\nd\",code=\"200\"} 1027 1395066363000",
      "http_requests_total{code=\"500\", path=\"/metrics\",} 3",
      "# TYPE request_duration_seconds histogram",
      "request_duration_seconds_bucket{le=\"0.05\"} 24054",
      "request_duration_seconds_bucket{le=\"0.1\"} 33444",
      "request_duration_seconds_bucket{le=\"+Inf\"} 144320",
      "request_duration_seconds_sum 53423",
      "request_duration_seconds_count 144320",
      "# HELP rpc_duration_seconds RPC latency.",
      "# TYPE rpc_duration_seconds summary",
      "rpc_duration_seconds{quantile=\"0.5\"} 4773",
      "rpc_duration_seconds{quantile=\"0.99\"} NaN",
      "rpc_duration_seconds_sum 1.7560473e+07",
      "rpc_duration_seconds_count 2693",
      "# TYPE temperature_celsius gauge",
      "temperature_celsius{sensor=\"a\"} -Inf",
      "temperature_celsius{sensor=\"b\"} +Inf",
      "# a free-form comment",
      "",
      "no_metadata{x=\"y\"} -12.5e-3",
      "");

  @Test
  void parsesPrometheusText() {
    Exposition exposition = Exposition.parseText(TEXT);

    assertThat(exposition.names()).containsExactly("go_memstats_alloc_bytes",
        "http_requests_total", "no_metadata", "request_duration_seconds",
        "rpc_duration_seconds", "temperature_celsius");
    assertThat(exposition.families()).extracting(Family::name).containsExactly(
        "go_memstats_alloc_bytes", "http_requests_total", "request_duration_seconds",
        "rpc_duration_seconds", "temperature_celsius", "no_metadata");
    assertThat(exposition.families()).extracting(Family::type).containsExactly(
        "gauge", "counter", "histogram", "summary", "gauge", "untyped");
    assertThat(exposition.value("go_memstats_alloc_bytes")).isEqualTo(7_748_967.0);

    Family requests = exposition.familyOrFail("http_requests_total");
    assertThat(requests.help())
        .isEqualTo("Requests by \"path\".\nSecond line, a \\ backslash.");
    assertThat(requests.samples()).containsExactly(
        new Sample("http_requests_total", Map.of("code", "200", "path", "/a\"b\\c\nd"), 1027),
        new Sample("http_requests_total", Map.of("code", "500", "path", "/metrics"), 3));
    assertThat(requests.samples().get(0).labels().keySet()).containsExactly("code", "path");
    assertThat(exposition.value("http_requests_total", "path", "/a\"b\\c\nd")).isEqualTo(1027);

    assertThat(exposition.familyOrFail("request_duration_seconds").samples()).extracting(
        Sample::name).containsExactly("request_duration_seconds_bucket",
        "request_duration_seconds_bucket", "request_duration_seconds_bucket",
        "request_duration_seconds_sum", "request_duration_seconds_count");
    assertThat(exposition.value("request_duration_seconds_bucket", "le", "+Inf"))
        .isEqualTo(144_320);
    // le is compared as a number: "0.10" finds the bucket written as "0.1".
    assertThat(exposition.value("request_duration_seconds_bucket", "le", "0.10"))
        .isEqualTo(33_444);

    assertThat(exposition.value("rpc_duration_seconds", "quantile", "0.99")).isNaN();
    assertThat(exposition.value("rpc_duration_seconds_sum")).isEqualTo(1.7560473e7);
    assertThat(exposition.value("temperature_celsius", "sensor", "a"))
        .isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(exposition.value("temperature_celsius", "sensor", "b"))
        .isEqualTo(Double.POSITIVE_INFINITY);

    Family noMetadata = exposition.familyOrFail("no_metadata");
    assertThat(noMetadata.help()).isEmpty();
    assertThat(noMetadata.samples()).containsExactly(
        new Sample("no_metadata", Map.of("x", "y"), -0.0125));
  }

  @Test
  void lookupsFailWithTheCandidates() {
    Exposition exposition = Exposition.parseText(TEXT);

    assertThatThrownBy(() -> exposition.value("http_requests_total"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("2 samples match http_requests_total{}")
        .hasMessageContaining("http_requests_total{code=\"500\",path=\"/metrics\"} 3.0");
    assertThatThrownBy(() -> exposition.value("http_requests_total", "code", "404"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("no sample matches http_requests_total{code=\"404\"}");
    assertThatThrownBy(() -> exposition.value("nope_total"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("no sample named nope_total")
        .hasMessageContaining("go_memstats_alloc_bytes");
    assertThatThrownBy(() -> exposition.find("http_requests_total"))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> exposition.value("http_requests_total", "code"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> exposition.familyOrFail("nope"))
        .isInstanceOf(AssertionError.class)
        .hasMessage("no metric family nope; families: [go_memstats_alloc_bytes,"
            + " http_requests_total, no_metadata, request_duration_seconds,"
            + " rpc_duration_seconds, temperature_celsius]");

    assertThat(exposition.find("http_requests_total", "code", "500")).hasValue(3);
    assertThat(exposition.find("http_requests_total", "code", "404")).isEmpty();
    assertThat(exposition.family("nope")).isEmpty();
    assertThat(exposition.samples("temperature_celsius")).hasSize(2);
    assertThat(exposition.samples("nope")).isEmpty();
  }

  @Test
  void parsesOpenMetrics() {
    String body = String.join("\n",
        "# TYPE acme_http_router_request counter",
        "# UNIT acme_http_router_request requests",
        "# HELP acme_http_router_request Total number of requests",
        "acme_http_router_request_total{path=\"/api/v1\",method=\"GET\"} 1.0 1520879607.789"
            + " # {trace_id=\"KOO5 S4vxi0o\"} 0.67",
        "acme_http_router_request_created{path=\"/api/v1\",method=\"GET\"} 1.520430000123e+09",
        "# TYPE build info",
        "build_info{version=\"1.2\"} 1",
        "# TYPE cache_state stateset",
        "cache_state{cache_state=\"hit\"} 1",
        "cache_state{cache_state=\"miss\"} 0",
        "# TYPE queue_depth gaugehistogram",
        "queue_depth_bucket{le=\"1.0\"} 2",
        "queue_depth_bucket{le=\"+Inf\"} 3",
        "queue_depth_gcount 3",
        "queue_depth_gsum 4.5",
        "# HELP legacy Only help, no type.",
        "legacy 7",
        "# EOF",
        "");

    Exposition exposition = Exposition.parse(
        "application/openmetrics-text; version=1.0.0; charset=utf-8",
        body.getBytes(StandardCharsets.UTF_8));

    Family requests = exposition.familyOrFail("acme_http_router_request");
    assertThat(requests.type()).isEqualTo("counter");
    assertThat(requests.help()).isEqualTo("Total number of requests");
    assertThat(requests.samples()).extracting(Sample::name)
        .containsExactly("acme_http_router_request_total", "acme_http_router_request_created");
    assertThat(exposition.value("acme_http_router_request_total", "method", "GET"))
        .isEqualTo(1.0);
    assertThat(exposition.familyOrFail("build").samples()).containsExactly(
        new Sample("build_info", Map.of("version", "1.2"), 1));
    assertThat(exposition.familyOrFail("cache_state").type()).isEqualTo("stateset");
    assertThat(exposition.value("cache_state", "cache_state", "miss")).isZero();
    assertThat(exposition.familyOrFail("queue_depth").type()).isEqualTo("gaugehistogram");
    assertThat(exposition.value("queue_depth_gsum")).isEqualTo(4.5);
    assertThat(exposition.value("queue_depth_bucket", "le", "1")).isEqualTo(2);
    assertThat(exposition.familyOrFail("legacy").type()).isEqualTo("unknown");
    assertThat(exposition.names()).containsExactly(
        "acme_http_router_request", "build", "cache_state", "legacy", "queue_depth");
  }

  @Test
  void openMetricsNeedsEofAndNothingAfterIt() {
    byte[] noEof = "# TYPE up gauge\nup 1\n".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Exposition.parse("application/openmetrics-text", noEof))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("# EOF");
    assertThat(Exposition.parse("text/plain; version=0.0.4", noEof).value("up")).isEqualTo(1);

    assertThatThrownBy(() -> Exposition.parseText("up 1\n# EOF\nup 2\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("line 3: content after # EOF: up 2");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "foo{a=\"b\"} notanumber  | invalid value \"notanumber\"",
      "foo 0x1p3                | invalid value \"0x1p3\"",
      "foo 1d                   | invalid value \"1d\"",
      "foo{a=\"b} 1             | unterminated label value",
      "foo{a=\"b\",a=\"c\"} 1   | duplicate label a",
      "foo{a=\"\\t\"} 1         | invalid escape in label value at column 8",
      "foo{a=\"b\" c=\"d\"} 1   | expected ',' or '}' at column 11",
      "foo{1a=\"b\"} 1          | invalid label name at column 5",
      "foo{a} 1                 | expected '=' after label a",
      "foo{a=b} 1               | expected '\"' to open the value of label a",
      "foo                      | missing value",
      "foo{} 1 2 3              | unexpected text after timestamp",
      "foo 1 soon               | invalid timestamp \"soon\"",
      "9foo 1                   | invalid metric name",
      "foo-bar 1                | invalid metric name",
      "# TYPE foo nonsense      | unknown metric type \"nonsense\"",
      "# TYPE ok gauge          | second TYPE for ok",
      "# HELP ok again          | second HELP for ok",
      "# TYPE                   | missing or invalid metric name in # TYPE",
  })
  void rejectsMalformedLines(String line, String reason) {
    String body = "# HELP ok fine\n# TYPE ok gauge\n" + line + "\nok 1\n";

    assertThatThrownBy(() -> Exposition.parseText(body))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("line 3: " + reason + ": " + line);
  }

  @Test
  void rejectsSamplesThatBreakTheirFamily() {
    assertThatThrownBy(() -> Exposition.parseText("# TYPE h histogram\nh_bucket 1\n"))
        .hasMessage("line 2: histogram bucket without le label: h_bucket 1");
    assertThatThrownBy(() -> Exposition.parseText("# TYPE s summary\ns 1\n"))
        .hasMessage("line 2: summary sample without quantile label: s 1");
    assertThatThrownBy(() -> Exposition.parseText("# TYPE h histogram\nx 1\nh 2\n"))
        .hasMessage("line 3: sample name h does not fit its histogram family: h 2");
    assertThatThrownBy(() -> Exposition.parseText("up 1\n# TYPE up gauge\n"))
        .hasMessage("line 2: TYPE for up after its samples: # TYPE up gauge");
  }

  @Test
  void parsesProtobufFromClientJava() throws IOException {
    ExpositionFormatWriter writer = ExpositionFormats.init().getPrometheusProtobufWriter();

    Exposition exposition = Exposition.parse(writer.getContentType(), write(writer));

    assertThat(exposition.families()).extracting(Family::name, Family::type).containsExactly(
        tuple("lat_seconds", "histogram"),
        tuple("queue", "gaugehistogram"),
        tuple("req_total", "counter"),
        tuple("rpc_seconds", "summary"),
        tuple("temp", "gauge"),
        tuple("u", "untyped"));
    Family requests = exposition.familyOrFail("req_total");
    assertThat(requests.help()).isEqualTo("Requests");
    assertThat(requests.samples()).containsExactly(
        new Sample("req_total", Map.of("path", "/a\"b\\c\nd"), 3));
    assertThat(exposition.familyOrFail("lat_seconds").samples()).containsExactly(
        new Sample("lat_seconds_bucket", Map.of("le", "0.1"), 1),
        new Sample("lat_seconds_bucket", Map.of("le", "1"), 3),
        new Sample("lat_seconds_bucket", Map.of("le", "+Inf"), 6),
        new Sample("lat_seconds_sum", Map.of(), 4.5),
        new Sample("lat_seconds_count", Map.of(), 6));
    assertThat(exposition.samples("queue_gcount")).extracting(Sample::value).containsExactly(3.0);
    assertThat(exposition.familyOrFail("rpc_seconds").samples()).containsExactly(
        new Sample("rpc_seconds", Map.of("quantile", "0.5"), 1.5),
        new Sample("rpc_seconds", Map.of("quantile", "0.99"), 7_748_967),
        new Sample("rpc_seconds_sum", Map.of(), 20),
        new Sample("rpc_seconds_count", Map.of(), 10));
    assertThat(exposition.value("temp")).isNaN();
    assertThat(exposition.value("u")).isEqualTo(Double.NEGATIVE_INFINITY);
  }

  @Test
  void protobufAndTextOfTheSameSnapshotsGiveTheSameSamples() throws IOException {
    ExpositionFormats formats = ExpositionFormats.init();
    ExpositionFormatWriter text = formats.getPrometheusTextFormatWriter();
    ExpositionFormatWriter protobuf = formats.getPrometheusProtobufWriter();

    List<Sample> fromText = allSamples(Exposition.parse(text.getContentType(), write(text)));
    List<Sample> fromProtobuf =
        allSamples(Exposition.parse(protobuf.getContentType(), write(protobuf)));

    assertThat(fromText).hasSize(16);
    // client_java writes le="1.0" in text, Go (and the decoder) le="1".
    assertThat(fromProtobuf).containsExactlyInAnyOrderElementsOf(
        fromText.stream().map(ExpositionTest::goSpelledBounds).toList());
  }

  @Test
  void rejectsBadProtobufAndUnknownContentTypes() throws IOException {
    ExpositionFormatWriter writer = ExpositionFormats.init().getPrometheusProtobufWriter();
    byte[] body = write(writer);
    byte[] truncated = Arrays.copyOf(body, body.length - 3);

    assertThatThrownBy(() -> Exposition.parse(writer.getContentType(), truncated))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("malformed protobuf body at message 6");
    assertThatThrownBy(() -> Exposition.parse(
        "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily;"
            + " encoding=text", body))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("encoding=text");
    assertThatThrownBy(() -> Exposition.parse("application/json", body))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unsupported content type: application/json");
  }

  private static byte[] write(ExpositionFormatWriter writer) throws IOException {
    MetricSnapshots snapshots = MetricSnapshots.builder()
        .metricSnapshot(CounterSnapshot.builder().name("req").help("Requests")
            .dataPoint(CounterDataPointSnapshot.builder()
                .labels(Labels.of("path", "/a\"b\\c\nd")).value(3).build())
            .build())
        .metricSnapshot(GaugeSnapshot.builder().name("temp")
            .dataPoint(GaugeDataPointSnapshot.builder().value(Double.NaN).build())
            .build())
        .metricSnapshot(HistogramSnapshot.builder().name("lat_seconds")
            .dataPoint(HistogramDataPointSnapshot.builder().sum(4.5)
                // client_java takes per-bucket counts; the exposition shows them cumulative.
                .classicHistogramBuckets(ClassicHistogramBuckets.of(
                    new double[] {0.1, 1, Double.POSITIVE_INFINITY}, new long[] {1, 2, 3}))
                .build())
            .build())
        .metricSnapshot(HistogramSnapshot.builder().gaugeHistogram(true).name("queue")
            .dataPoint(HistogramDataPointSnapshot.builder().sum(2)
                .classicHistogramBuckets(ClassicHistogramBuckets.of(
                    new double[] {1, Double.POSITIVE_INFINITY}, new long[] {1, 2}))
                .build())
            .build())
        .metricSnapshot(SummarySnapshot.builder().name("rpc_seconds")
            .dataPoint(SummaryDataPointSnapshot.builder().count(10).sum(20)
                .quantiles(Quantiles.of(new Quantile(0.5, 1.5), new Quantile(0.99, 7_748_967)))
                .build())
            .build())
        .metricSnapshot(UnknownSnapshot.builder().name("u")
            .dataPoint(UnknownDataPointSnapshot.builder().value(Double.NEGATIVE_INFINITY).build())
            .build())
        .build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.write(out, snapshots);
    return out.toByteArray();
  }

  private static List<Sample> allSamples(Exposition exposition) {
    return exposition.families().stream().flatMap(f -> f.samples().stream()).toList();
  }

  private static Sample goSpelledBounds(Sample sample) {
    Map<String, String> labels = new TreeMap<>(sample.labels());
    labels.replaceAll((name, value) -> name.equals("le") || name.equals("quantile")
        ? ProtobufDecoder.goFloat(TextParser.parseValue(value)) : value);
    return new Sample(sample.name(), labels, sample.value());
  }
}
