package io.exporters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.testkit.Await;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import io.exporters.testkit.PrivateRedis;
import io.exporters.testkit.ProcessResources;
import io.exporters.testkit.SilentServer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Faults of the backend: stopped (redis_up 0 by the deadline, then back by itself), a wrong
 * password (0, and it never spoils a right one), and a server that accepts TCP and never answers
 * (the deadline holds; no thread or socket is left behind).
 */
class ServerFaultsTest {
  @Test
  void aStoppedServerIsDownInTimeAndComesBackByItself() throws Exception {
    try (PrivateRedis redis = PrivateRedis.start();
        InProcessExporter e = InProcessExporter.start(new RedisExporter(), List.of(),
            Map.of("REDIS_ADDR", redis.url()))) {
      assertThat(scrape(e, 3).value("redis_up")).isEqualTo(1);
      redis.stop();
      long started = System.nanoTime();
      Exposition down = scrape(e, 3);
      assertThat((System.nanoTime() - started) / 1e9).isLessThan(3.0);
      assertThat(down.value("redis_up")).isZero();
      assertThat(down.value("redis_scrape_collector_success", "collector", "info")).isZero();
      redis.restart();
      // The pooled connections died with the server: the next scrape replaces them.
      assertThat(scrape(e, 3).value("redis_up")).isEqualTo(1);
      assertThat(scrape(e, 3).value("redis_scrape_collector_success", "collector", "info"))
          .isEqualTo(1);
    }
  }

  @Test
  void aWrongPasswordIsDownAndNeverRidesOnARightOne() throws Exception {
    try (PrivateRedis redis = PrivateRedis.start("--requirepass", "right-pw-4711")) {
      Path config = Files.createTempFile("redis-auth", ".yml");
      Files.writeString(config, "auth_modules:\n  right:\n    type: userpass\n    userpass: "
          + "{username: default, password: right-pw-4711}\n");
      try (InProcessExporter e = InProcessExporter.start(new RedisExporter(),
          List.of("--config.file=" + config), Map.of("REDIS_ADDR", redis.url(),
              "REDIS_PASSWORD", "wrong-pw-0815"))) {
        assertThat(scrape(e, 3).value("redis_up")).isZero();
        String target = "/scrape?target=" + redis.url();
        assertThat(e.get(target + "&auth_module=right").exposition().value("redis_up"))
            .isEqualTo(1);
        // The right login's pooled connection is not lent to a caller without it.
        assertThat(e.get(target).exposition().value("redis_up")).isZero();
        assertThat(scrape(e, 3).value("redis_up")).isZero();
        for (String page : List.of("/", "/metrics", target)) {
          assertThat(e.get(page).text()).doesNotContain("wrong-pw-0815")
              .doesNotContain("right-pw-4711");
        }
      } finally {
        Files.deleteIfExists(config);
      }
    }
  }

  @Test
  void aServerThatNeverAnswersCostsTheDeadlineAndNothingMore() throws Exception {
    try (SilentServer.Running silent = SilentServer.start();
        InProcessExporter e = Scrapes.exporter()) {
      String target = "redis://127.0.0.1:" + silent.port();
      Scrapes.get(e, target, 1);
      ProcessResources self = ProcessResources.self();
      Await.until("the first scrape's socket is closed", Duration.ofSeconds(10),
          () -> self.socketsTo(silent.port()) == 0);
      int threadsBefore = self.threads();
      long fdsBefore = self.openFiles();
      for (int i = 0; i < 20; i++) {
        long started = System.nanoTime();
        InProcessExporter.Response r = Scrapes.get(e, target, 1);
        assertThat((System.nanoTime() - started) / 1e9).isLessThan(1.0);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.exposition().value("redis_up")).isZero();
      }
      Await.until("threads and files back to what they were", Duration.ofSeconds(10),
          () -> self.socketsTo(silent.port()) == 0 && self.threads() <= threadsBefore + 1
              && self.openFiles() <= fdsBefore + 2);
    }
  }

  private static Exposition scrape(InProcessExporter e, int seconds) throws Exception {
    InProcessExporter.Response r = e.get("/metrics", "X-Prometheus-Scrape-Timeout-Seconds",
        Integer.toString(seconds));
    assertThat(r.status()).isEqualTo(200);
    return r.exposition();
  }
}
