package io.exporters.common.toy;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.exporters.common.scrape.ScrapeEngine;
import io.exporters.testkit.Await;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The scrape engine's promises, proven end to end over HTTP on the toy exporter. */
class ScrapeCoreTest {
  private final List<InProcessExporter> started = new ArrayList<>();
  private final String name = "b" + UUID.randomUUID().toString().substring(0, 8);
  private final ToyBackend backend = ToyBackend.fresh(name);

  @AfterEach
  void stop() {
    started.forEach(InProcessExporter::close);
  }

  private InProcessExporter start(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--toy.backend=" + name);
    InProcessExporter e = InProcessExporter.start(new ToyExporter(), all, Map.of());
    started.add(e);
    return e;
  }

  @Test
  void healthyBackendGivesUpAndCollectorSeries() throws Exception {
    Exposition m = start().scrape();
    assertThat(m.value("toy_up")).isEqualTo(1);
    assertThat(m.value("toy_alpha_value", "source", "alpha")).isEqualTo(42);
    assertThat(m.value("toy_scrape_collector_success", "collector", "alpha")).isEqualTo(1);
    assertThat(m.familyOrFail("toy_scrape_collector_duration_seconds").samples()).hasSize(1);
    assertThat(m.value("toy_exporter_scrapes_total")).isEqualTo(1);
    assertThat(m.names()).contains("toy_exporter_build_info", "process_cpu_seconds_total",
        "jvm_memory_used_bytes");
  }

  @Test
  void collectorPastTheDeadlineLosesOnlyItsOwnSeries() throws Exception {
    backend.delaysMs.put("slow", 20_000L);
    InProcessExporter e = start("--collector.slow");
    long t0 = System.nanoTime();
    InProcessExporter.Response r = e.get("/metrics", "X-Prometheus-Scrape-Timeout-Seconds", "1.5");
    double seconds = (System.nanoTime() - t0) / 1e9;

    assertThat(r.status()).isEqualTo(200);
    // Correctness bound, not a speed claim: the slow collector would have held it for 20s.
    assertThat(seconds).isLessThan(10);
    Exposition m = r.exposition();
    assertThat(m.value("toy_up")).isEqualTo(1);
    assertThat(m.value("toy_scrape_collector_success", "collector", "slow")).isEqualTo(0);
    assertThat(m.value("toy_scrape_collector_success", "collector", "alpha")).isEqualTo(1);
    assertThat(m.value("toy_alpha_value", "source", "alpha")).isEqualTo(42);
    assertThat(m.names()).doesNotContain("toy_slow_value");
    assertThat(m.value("toy_exporter_last_scrape_error")).isEqualTo(1);
  }

  @Test
  void lateCollectorIsCancelledAndItsConnectionClosed() throws Exception {
    backend.delaysMs.put("slow", 20_000L);
    InProcessExporter e = start("--collector.slow", "--no-collector.alpha");
    e.get("/metrics", "X-Prometheus-Scrape-Timeout-Seconds", "1");
    // The interrupted collector's connection is aborted, not returned to the pool.
    Await.until("the late collector's connection is closed", Duration.ofSeconds(5),
        () -> backend.openConnections.get() <= 1);
  }

  @Test
  void concurrentScrapesJoinOneRound() throws Exception {
    backend.delaysMs.put("alpha", 1000L);
    InProcessExporter e = start();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<InProcessExporter.Response>> answers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        answers.add(pool.submit(() -> e.get("/metrics")));
      }
      for (Future<InProcessExporter.Response> f : answers) {
        Exposition m = f.get().exposition();
        assertThat(m.value("toy_alpha_value", "source", "alpha")).isEqualTo(42);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(backend.calls("alpha")).isEqualTo(1);
    e.scrape();
    assertThat(backend.calls("alpha")).isEqualTo(2);
  }

  @Test
  void ttlCollectorIsServedFromCacheUntilItExpires(@TempDir Path tmp) throws Exception {
    InProcessExporter e = start("--collector.cached");
    Exposition first = e.scrape();
    Exposition second = Await.value("a scrape served from a cache entry older than 0 s",
        Duration.ofSeconds(5), e::scrape, m ->
            m.value("toy_scrape_collector_cache_age_seconds", "collector", "cached") > 0);
    assertThat(backend.calls("cached")).isEqualTo(1);
    assertThat(first.value("toy_scrape_collector_cache_age_seconds", "collector", "cached"))
        .isZero();
    assertThat(second.value("toy_scrape_collector_cache_age_seconds", "collector", "cached"))
        .isPositive();
    assertThat(second.value("toy_cached_calls")).isEqualTo(1);
    assertThat(second.familyOrFail("toy_cached_calls").help()).contains("cached");
    assertThat(second.value("toy_scrape_collector_success", "collector", "cached")).isEqualTo(1);

    Path config = tmp.resolve("ttl.yml");
    Files.writeString(config, "collectors:\n  cached:\n    enabled: true\n    ttl: 200ms\n");
    InProcessExporter shortTtl = start("--config.file=" + config);
    shortTtl.scrape();
    int before = backend.calls("cached");
    Exposition after = Await.value("the 200 ms TTL passes and the collector runs again",
        Duration.ofSeconds(5), shortTtl::scrape, m -> backend.calls("cached") > before);
    assertThat(backend.calls("cached")).isEqualTo(before + 1);
    assertThat(after.value("toy_scrape_collector_cache_age_seconds", "collector", "cached"))
        .isZero();
  }

  @Test
  void theSameFailureEveryScrapeIsLoggedOnce() throws Exception {
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    Logger engineLogger = (Logger) LoggerFactory.getLogger(ScrapeEngine.class);
    logs.start();
    engineLogger.addAppender(logs);
    try {
      InProcessExporter e = start("--collector.broken");
      for (int i = 0; i < 3; i++) {
        assertThat(e.scrape().value("toy_scrape_collector_success", "collector", "broken"))
            .isZero();
      }
      assertThat(logs.list).filteredOn(event -> event.getMessage().startsWith("collector failed")
          && event.getKeyValuePairs().stream().anyMatch(kv -> kv.value.equals("broken")))
          .hasSize(1);
    } finally {
      engineLogger.detachAppender(logs);
    }
  }

  @Test
  void throwingCollectorCostsOnlyItsSeries() throws Exception {
    InProcessExporter e = start("--collector.broken");
    InProcessExporter.Response r = e.get("/metrics");
    assertThat(r.status()).isEqualTo(200);
    Exposition m = r.exposition();
    assertThat(m.value("toy_scrape_collector_success", "collector", "broken")).isEqualTo(0);
    assertThat(m.value("toy_scrape_collector_success", "collector", "alpha")).isEqualTo(1);
    assertThat(m.names()).doesNotContain("toy_broken_partial");
    assertThat(m.value("toy_up")).isEqualTo(1);
  }

  @Test
  void downBackendGivesUpZeroInTimeAndRecovers() throws Exception {
    InProcessExporter e = start("--collector.cached");
    backend.down = true;
    InProcessExporter.Response r = e.get("/metrics", "X-Prometheus-Scrape-Timeout-Seconds", "2");
    assertThat(r.status()).isEqualTo(200);
    Exposition down = r.exposition();
    assertThat(down.value("toy_up")).isEqualTo(0);
    assertThat(down.value("toy_scrape_collector_success", "collector", "alpha")).isEqualTo(0);
    assertThat(down.value("toy_scrape_collector_success", "collector", "cached")).isEqualTo(0);
    assertThat(down.names()).doesNotContain("toy_alpha_value");

    backend.down = false;
    Exposition up = e.scrape();
    assertThat(up.value("toy_up")).isEqualTo(1);
    assertThat(up.value("toy_alpha_value", "source", "alpha")).isEqualTo(42);
  }

  @Test
  void deadConnectionIsReplacedOnReuse() throws Exception {
    InProcessExporter e = start();
    e.scrape();
    int connects = backend.connects.get();
    backend.down = true;
    e.scrape();
    backend.down = false;
    assertThat(e.scrape().value("toy_up")).isEqualTo(1);
    assertThat(backend.connects.get()).isGreaterThan(connects);
  }

  @Test
  void duplicateSeriesAreDroppedAndCounted() throws Exception {
    InProcessExporter e = start("--collector.dupes");
    Exposition m = e.scrape();
    assertThat(m.value("toy_events", "kind", "a")).isEqualTo(1);
    assertThat(m.value("toy_events", "kind", "b")).isEqualTo(3);
    assertThat(m.familyOrFail("toy_events").type()).isEqualTo("counter");
    assertThat(m.value("toy_scrape_collector_success", "collector", "dupes")).isEqualTo(1);
    assertThat(m.value("toy_exporter_duplicate_series_dropped_total", "collector", "dupes"))
        .isEqualTo(1);
    assertThat(e.scrape().value("toy_exporter_duplicate_series_dropped_total", "collector",
        "dupes")).isEqualTo(2);
  }

  @Test
  void collectorOutsideItsVersionRangeIsSkippedNotFailed() throws Exception {
    InProcessExporter e = start("--collector.modern");
    Exposition old = e.scrape();
    assertThat(old.find("toy_scrape_collector_success", "collector", "modern")).isEmpty();
    assertThat(backend.calls("modern")).isZero();

    backend.version = io.exporters.common.backend.Version.of(2, 1);
    Exposition upgraded = e.scrape();
    assertThat(upgraded.value("toy_modern")).isEqualTo(1);
    assertThat(upgraded.value("toy_scrape_collector_success", "collector", "modern")).isEqualTo(1);
  }

  @Test
  void probeScrapesTheNamedTargetWithoutSelfMetrics() throws Exception {
    ToyBackend other = ToyBackend.fresh(name + "-other");
    other.value = 7;
    InProcessExporter e = start();
    for (String path : List.of("/probe", "/scrape")) {
      InProcessExporter.Response r = e.get(path + "?target=toy://" + other.name);
      assertThat(r.status()).isEqualTo(200);
      Exposition m = r.exposition();
      assertThat(m.value("toy_alpha_value", "source", "alpha")).isEqualTo(7);
      assertThat(m.value("toy_up")).isEqualTo(1);
      assertThat(m.names()).doesNotContain("toy_exporter_build_info", "jvm_memory_used_bytes");
    }
  }

  @Test
  void badProbeRequestsAre400WithTheReason() throws Exception {
    InProcessExporter e = start();
    InProcessExporter.Response missing = e.get("/probe");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.text()).contains("missing required parameter 'target'");

    InProcessExporter.Response module = e.get("/probe?target=toy://x&auth_module=nope");
    assertThat(module.status()).isEqualTo(400);
    assertThat(module.text()).contains("unknown auth_module 'nope'");

    InProcessExporter.Response bad = e.get("/probe?target=http://elsewhere");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.text()).contains("target must look like toy://");
  }

  @Test
  void contentNegotiationServesAllThreeFormatsAndGzip() throws Exception {
    InProcessExporter e = start("--collector.dupes", "--collector.histo");
    InProcessExporter.Response text = e.get("/metrics");
    assertThat(text.contentType()).startsWith("text/plain; version=0.0.4");
    assertThat(text.text()).contains("# TYPE toy_events counter\ntoy_events{kind=\"a\"} 1\n");

    InProcessExporter.Response om = e.get("/metrics", "Accept",
        "application/openmetrics-text;version=1.0.0;q=0.5,text/plain;version=0.0.4;q=0.2");
    assertThat(om.contentType()).startsWith("application/openmetrics-text; version=1.0.0");
    assertThat(om.text()).endsWith("# EOF\n");
    Exposition omParsed = om.exposition();
    assertThat(omParsed.value("toy_alpha_value", "source", "alpha")).isEqualTo(42);
    // Counters without _total keep their name (as unknown) rather than gaining a suffix.
    assertThat(omParsed.value("toy_events", "kind", "b")).isEqualTo(3);
    assertThat(omParsed.value("toy_latency_seconds_bucket", "le", "1.0", "op", "read"))
        .isEqualTo(5);

    InProcessExporter.Response proto = e.get("/metrics", "Accept",
        "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;"
            + "encoding=delimited");
    assertThat(proto.contentType()).startsWith("application/vnd.google.protobuf");
    Exposition protoParsed = proto.exposition();
    assertThat(protoParsed.value("toy_alpha_value", "source", "alpha")).isEqualTo(42);
    assertThat(protoParsed.value("toy_up")).isEqualTo(1);

    InProcessExporter.Response gz = e.get("/metrics", "Accept-Encoding", "gzip");
    assertThat(gz.headers().get("content-encoding")).isEqualTo("gzip");
    String unzipped = new String(new java.util.zip.GZIPInputStream(
        new java.io.ByteArrayInputStream(gz.body())).readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    assertThat(Exposition.parseText(unzipped).value("toy_up")).isEqualTo(1);
  }

  @Test
  void healthReadyAndLandingPage() throws Exception {
    InProcessExporter e = start();
    assertThat(e.get("/-/healthy").status()).isEqualTo(200);
    assertThat(e.get("/-/ready").status()).isEqualTo(200);
    InProcessExporter.Response landing = e.get("/");
    assertThat(landing.status()).isEqualTo(200);
    assertThat(landing.text()).contains("toy_exporter", "href=\"metrics\"", "href=\"probe\"",
        "name=\"auth_module\"",
        "Effective configuration", "backend: " + name);
  }

  @Test
  void concurrentScrapesOfDifferentTargetsDoNotJoin() throws Exception {
    ToyBackend other = ToyBackend.fresh(name + "-2");
    InProcessExporter e = start();
    CompletableFuture<InProcessExporter.Response> a =
        CompletableFuture.supplyAsync(() -> uncheckedGet(e, "/metrics"));
    CompletableFuture<InProcessExporter.Response> b = CompletableFuture.supplyAsync(
        () -> uncheckedGet(e, "/probe?target=toy://" + other.name));
    assertThat(a.get().status()).isEqualTo(200);
    assertThat(b.get().status()).isEqualTo(200);
    assertThat(backend.calls("alpha")).isEqualTo(1);
    assertThat(other.calls("alpha")).isEqualTo(1);
  }

  private static InProcessExporter.Response uncheckedGet(InProcessExporter e, String path) {
    try {
      return e.get(path);
    } catch (java.io.IOException ex) {
      throw new java.io.UncheckedIOException(ex);
    }
  }
}
