package io.exporters.redis.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.redis.Scrapes;
import io.exporters.redis.SharedRedis;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --script: what the test's Lua scripts return, and a failing script costing only itself. */
class ScriptCollectorTest {
  private final SharedRedis redis = new SharedRedis();
  @TempDir
  Path dir;

  @AfterEach
  void cleanUp() {
    redis.cleanUp(0);
    redis.close();
  }

  @Test
  void scriptValuesAndResults() throws Exception {
    redis.jedis().set(redis.key("jobs"), "17");
    Path good = dir.resolve("jobs.lua");
    Files.writeString(good, "return {'queued', redis.call('GET', KEYS[1] or '"
        + redis.key("jobs") + "'), 'ratio', '0.25'}");
    Path bad = dir.resolve("broken.lua");
    Files.writeString(bad, "return redis.call('NOSUCHCOMMAND')");
    try (InProcessExporter e = Scrapes.exporter("--script=" + good + "," + bad)) {
      Exposition s = Scrapes.scrape(e, redis.url(), 5);
      assertThat(s.value("redis_script_values", "key", "queued", "filename", "jobs.lua"))
          .isEqualTo(17);
      assertThat(s.value("redis_script_values", "key", "ratio")).isEqualTo(0.25);
      assertThat(s.value("redis_script_result", "filename", "jobs.lua")).isEqualTo(1);
      assertThat(s.value("redis_script_result", "filename", "broken.lua")).isZero();
      assertThat(s.value("redis_up")).isEqualTo(1);
    }
    try (InProcessExporter e = Scrapes.exporter("--script=" + good, "--compat=1.45")) {
      Exposition.Sample value = Scrapes.scrape(e, redis.url(), 5).samples(
          "redis_script_values").get(0);
      assertThat(value.labels()).containsOnlyKeys("key");
    }
  }
}
