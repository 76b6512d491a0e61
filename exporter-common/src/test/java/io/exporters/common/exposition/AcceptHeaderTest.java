package io.exporters.common.exposition;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.common.exposition.Exposition.Format;
import org.junit.jupiter.api.Test;

class AcceptHeaderTest {
  @Test
  void weighsMediaRangesAndRefusesQZero() {
    assertThat(Format.negotiate(null)).isEqualTo(Format.TEXT);
    assertThat(Format.negotiate("application/openmetrics-text;version=1.0.0,"
        + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,"
        + "*/*;q=0.1")).as("Prometheus 2's scrape").isEqualTo(Format.OPENMETRICS);
    assertThat(Format.negotiate("application/vnd.google.protobuf;"
        + "proto=io.prometheus.client.MetricFamily;encoding=delimited,"
        + "application/openmetrics-text;version=1.0.0;q=0.8,text/plain;version=0.0.4;q=0.2"))
        .as("native histograms enabled").isEqualTo(Format.PROTOBUF);
    assertThat(Format.negotiate("application/openmetrics-text;version=1.0.0;q=0,"
        + "text/plain;version=0.0.4;q=0.5")).as("q=0 is not acceptable").isEqualTo(Format.TEXT);
    assertThat(Format.negotiate("application/vnd.google.protobuf;"
        + "proto=io.prometheus.client.MetricFamily;encoding=delimited;q=0")).isEqualTo(Format.TEXT);
    assertThat(Format.negotiate("text/plain;q=0.4,application/openmetrics-text;q=0.6"))
        .isEqualTo(Format.OPENMETRICS);
    assertThat(Format.negotiate("text/plain;q=0.5,application/openmetrics-text;q=0.5"))
        .as("a tie goes to the first").isEqualTo(Format.TEXT);
    assertThat(Format.negotiate("application/json")).isEqualTo(Format.TEXT);
    assertThat(Format.negotiate("application/openmetrics-text;q=bogus")).isEqualTo(Format.TEXT);
  }

  @Test
  void gzipOnlyWhereAcceptable() {
    assertThat(Exposition.acceptsGzip("gzip")).isTrue();
    assertThat(Exposition.acceptsGzip("deflate, GZIP;q=0.5")).isTrue();
    assertThat(Exposition.acceptsGzip("gzip;q=0")).isFalse();
    assertThat(Exposition.acceptsGzip("br, *;q=0.5")).isTrue();
    assertThat(Exposition.acceptsGzip("gzip;q=0, *")).isFalse();
    assertThat(Exposition.acceptsGzip("identity")).isFalse();
    assertThat(Exposition.acceptsGzip(null)).isFalse();
  }
}
