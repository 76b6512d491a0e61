package io.exporters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.testkit.Await;
import io.exporters.testkit.Backends;
import io.exporters.testkit.InProcessExporter;
import io.exporters.testkit.ProcessResources;
import io.exporters.testkit.SilentServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** /scrape callers hanging on a server that never answers cannot make --redis.addr look down. */
class ConfiguredTargetBudgetTest {
  /** scrape.max_probe_connections by default. */
  private static final int PROBE_BUDGET = 10;

  @Test
  void scrapesOfASilentServerCannotStarveTheConfiguredTarget() throws Exception {
    try (SilentServer.Running silent = SilentServer.start();
        InProcessExporter e = InProcessExporter.start(new RedisExporter(), List.of(),
            Map.of("REDIS_ADDR", "redis://" + Backends.redis().address()))) {
      AtomicBoolean stop = new AtomicBoolean();
      ExecutorService callers = Executors.newFixedThreadPool(20);
      List<Future<?>> loops = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        int caller = i;
        loops.add(callers.submit(() -> {
          int n = 0;
          while (!stop.get()) {
            String target = "redis://user" + caller + "x" + n++ + ":pw@127.0.0.1:"
                + silent.port();
            e.get("/scrape?target=" + URLEncoder.encode(target, StandardCharsets.UTF_8),
                "X-Prometheus-Scrape-Timeout-Seconds", "5");
          }
          return null;
        }));
      }
      try {
        // The flood holds every connection the probes' budget allows, all to the silent server.
        ProcessResources self = ProcessResources.self();
        Await.until("the probes hold their budget's connections", Duration.ofSeconds(20),
            () -> self.socketsTo(silent.port()) >= PROBE_BUDGET);
        for (int i = 0; i < 5; i++) {
          InProcessExporter.Response r = e.get("/metrics",
              "X-Prometheus-Scrape-Timeout-Seconds", "3");
          assertThat(r.status()).isEqualTo(200);
          assertThat(r.exposition().value("redis_up")).as("scrape " + i).isEqualTo(1);
        }
      } finally {
        stop.set(true);
        for (Future<?> loop : loops) {
          loop.get();
        }
        callers.shutdown();
      }
    }
  }
}
