package io.exporters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.testkit.ExporterProcess;
import io.exporters.testkit.InProcessExporter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The largest answer the README promises (two databases of 1,000 tables, ~60,000 series) under
 * concurrent scrapers asking as Prometheus does (OpenMetrics, gzip), with the shipped JVM flags:
 * every scrape answers 200 with the whole body.
 */
class LargeSchemaConcurrencyTest {
  @TempDir Path dir;

  @Test
  void concurrentScrapesOfSixtyThousandSeriesAllAnswerWithTheShippedHeap() throws Exception {
    try (PostgresTestDatabase a = new PostgresTestDatabase();
        PostgresTestDatabase b = new PostgresTestDatabase()) {
      for (PostgresTestDatabase db : List.of(a, b)) {
        db.execute("DO $$ BEGIN FOR i IN 1..1000 LOOP EXECUTE format('CREATE TABLE t_%s "
            + "(id int primary key, v text)', i); END LOOP; END $$");
      }
      try (ExporterProcess p = ExporterProcess.start(PostgresExporter.class,
          ExporterProcess.shippedJvmFlags(),
          List.of("--include-databases=" + a.name + "," + b.name),
          Map.of("DATA_SOURCE_NAME", a.dsn()), dir.resolve("exporter.log"))) {
        ExecutorService scrapers = Executors.newFixedThreadPool(20);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
          answers.add(scrapers.submit(() -> {
            InProcessExporter.Response r = p.get("/metrics", "Accept",
                "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5",
                "Accept-Encoding", "gzip", "X-Prometheus-Scrape-Timeout-Seconds", "10");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.headers()).containsEntry("content-encoding", "gzip");
            return new String(new GZIPInputStream(new java.io.ByteArrayInputStream(r.body()))
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
          }));
        }
        for (Future<String> answer : answers) {
          String body = answer.get();
          assertThat(body).endsWith("# EOF\n").contains("pg_up 1");
          long series = body.lines().filter(l -> !l.startsWith("#")).count();
          assertThat(series).as(p.log()).isGreaterThan(55_000);
        }
        scrapers.shutdown();
      }
    }
  }
}
