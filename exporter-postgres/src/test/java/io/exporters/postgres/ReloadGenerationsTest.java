package io.exporters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.testkit.Await;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reloads that alternate two configurations (compat, constant labels, user queries) while
 * scrapes run: every scrape shows wholly one of them, never a mix.
 */
class ReloadGenerationsTest {
  @TempDir Path dir;

  @Test
  void everyScrapeShowsWhollyOneConfiguration() throws Exception {
    try (PostgresTestDatabase db = new PostgresTestDatabase()) {
      Path queriesA = dir.resolve("a.yaml");
      Files.writeString(queriesA, "gen_a:\n  query: SELECT 1 AS one\n  metrics:\n"
          + "    - one: {usage: GAUGE, description: only in generation a}\n");
      Path queriesB = dir.resolve("b.yaml");
      Files.writeString(queriesB, "gen_b:\n  query: SELECT 2 AS two\n  metrics:\n"
          + "    - two: {usage: GAUGE, description: only in generation b}\n");
      String a = "constant_labels: gen=a\nqueries_file: " + queriesA + "\n";
      String b = "compat: \"0.11\"\nconstant_labels: gen=b\nqueries_file: " + queriesB + "\n";
      Path config = dir.resolve("postgres.yml");
      Files.writeString(config, a);
      try (InProcessExporter e = InProcessExporter.start(new PostgresExporter(),
          List.of("--config.file=" + config, "--include-databases=" + db.name),
          Map.of("DATA_SOURCE_NAME", db.dsn()))) {
        AtomicBoolean done = new AtomicBoolean();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger scrapes = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        Future<?> reloads = pool.submit(() -> {
          for (int i = 0; i < 20; i++) {
            Files.writeString(config, i % 2 == 0 ? b : a);
            assertThat(e.post("/-/reload").status()).isEqualTo(200);
            int before = scrapes.get();
            Await.until("a scrape under this generation", Duration.ofSeconds(10),
                () -> scrapes.get() > before);
          }
          done.set(true);
          return null;
        });
        Runnable scraping = () -> {
          try {
            while (!done.get()) {
              seen.add(generationOf(e.scrape()));
              scrapes.incrementAndGet();
            }
          } catch (Exception ex) {
            throw new AssertionError(ex);
          }
        };
        Future<?> s1 = pool.submit(scraping);
        Future<?> s2 = pool.submit(scraping);
        reloads.get();
        s1.get();
        s2.get();
        pool.shutdown();
        assertThat(seen).containsExactlyInAnyOrder("a", "b");
      }
    }
  }

  /** The generation a scrape shows, after checking that all of it shows that one. */
  private static String generationOf(Exposition m) {
    Set<String> gens = ConcurrentHashMap.newKeySet();
    for (Exposition.Sample s : m.samples("pg_stat_activity_count")) {
      gens.add(s.labels().get("gen"));
    }
    for (Exposition.Sample s : m.samples("pg_stat_database_xact_commit")) {
      gens.add(s.labels().get("gen"));
    }
    assertThat(gens).as("one value of gen in one scrape").hasSize(1);
    String gen = gens.iterator().next();
    Exposition.Sample activity = m.samples("pg_stat_activity_count").get(0);
    if (gen.equals("a")) {
      assertThat(activity.labels()).containsKey("usename").doesNotContainKey("server");
      assertThat(m.names()).contains("gen_a_one").doesNotContain("gen_b_two");
    } else {
      assertThat(activity.labels()).containsKey("server").doesNotContainKey("usename");
      assertThat(m.names()).contains("gen_b_two").doesNotContain("gen_a_one");
    }
    return gen;
  }
}
