package io.exporters.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

/**
 * One page in every format a scraper can ask for (Prometheus text, OpenMetrics, protobuf; each
 * plain and gzip-compressed): every answer is a 200 that parses, no series appears twice, and
 * every format carries the same sample names with the same label names (each answer is a scrape
 * of its own, so live label values may differ). For each exporter's real data: a format that
 * fails (a 500) or loses series is found here, not by a Prometheus that asks for it.
 */
public final class EveryFormat {
  public static final String TEXT = "text/plain;version=0.0.4";
  public static final String OPENMETRICS = "application/openmetrics-text;version=1.0.0";
  public static final String PROTOBUF = "application/vnd.google.protobuf;"
      + "proto=io.prometheus.client.MetricFamily;encoding=delimited";

  private EveryFormat() {}

  /** Checks {@code pathAndQuery} in all six forms; returns the text answer, parsed. */
  public static Exposition check(InProcessExporter e, String pathAndQuery) throws IOException {
    Set<String> textSeries = null;
    Exposition text = null;
    for (String accept : List.of(TEXT, OPENMETRICS, PROTOBUF)) {
      for (boolean gzip : new boolean[] {false, true}) {
        InProcessExporter.Response r = e.get(pathAndQuery, "Accept", accept,
            "Accept-Encoding", gzip ? "gzip" : "identity",
            "X-Prometheus-Scrape-Timeout-Seconds", "10");
        String form = accept + (gzip ? " gzip" : "");
        assertThat(r.status()).as(form + ": " + r.text()).isEqualTo(200);
        byte[] body = r.body();
        if (gzip) {
          assertThat(r.headers().get("content-encoding")).as(form).isEqualTo("gzip");
          body = new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes();
        }
        Exposition parsed = Exposition.parse(r.contentType(), body);
        Set<String> series = shapes(parsed);
        if (textSeries == null) {
          textSeries = series;
          text = parsed;
        } else {
          assertThat(series).as(form + " carries the samples and labels text does")
              .containsExactlyInAnyOrderElementsOf(textSeries);
        }
      }
    }
    return text;
  }

  /** name[sorted label names] of every sample; fails on a series (name and labels) twice. */
  private static Set<String> shapes(Exposition exposition) {
    Set<String> series = new TreeSet<>();
    Set<String> shapes = new TreeSet<>();
    List<String> duplicates = new ArrayList<>();
    for (Exposition.Family f : exposition.families()) {
      for (Exposition.Sample s : f.samples()) {
        String key = s.name() + new TreeMap<>(s.labels());
        if (!series.add(key)) {
          duplicates.add(key);
        }
        // client_java adds this family after the first garbage collection: whichever answer
        // came first may lack it.
        if (!s.name().startsWith("jvm_memory_pool_allocated_bytes")) {
          shapes.add(s.name() + new TreeSet<>(s.labels().keySet()));
        }
      }
    }
    assertThat(duplicates).as("a series served twice").isEmpty();
    return shapes;
  }
}
