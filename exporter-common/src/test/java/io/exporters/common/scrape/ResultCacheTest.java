package io.exporters.common.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.common.backend.ManualClock;
import io.exporters.common.backend.Target;
import io.exporters.common.metrics.MetricFamily;
import io.exporters.common.metrics.MetricType;
import io.exporters.common.metrics.Sample;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultCacheTest {
  private final ManualClock clock = new ManualClock();
  private final ResultCache cache = new ResultCache(clock);
  private final CacheKey key = new CacheKey(Target.of("db-1").key(), "sizes");
  private final List<MetricFamily> families = List.of(new MetricFamily("size_bytes",
      MetricType.GAUGE, "Size.", List.of(new Sample("size_bytes", List.of(), List.of(), 42))));

  @Test
  void aResultIsServedUntilItsTtlAndNeverAfter() {
    cache.put(key, families, 0.3, Duration.ofSeconds(60));
    clock.advance(Duration.ofSeconds(59));
    CollectorOutcome served = cache.get(key);
    assertThat(served.succeeded()).isTrue();
    assertThat(served.cacheAgeSeconds()).isEqualTo(59.0);
    assertThat(served.durationSeconds()).as("how long the run that produced it took")
        .isEqualTo(0.3);
    clock.advance(Duration.ofSeconds(1));
    assertThat(cache.get(key)).isNull();
  }

  @Test
  void servedFamiliesSayHowOftenTheyAreRefreshed() {
    List<MetricFamily> stored = cache.put(key, families, 0.1, Duration.ofMinutes(5));
    assertThat(stored.get(0).help()).isEqualTo("Size. (cached: refreshed at most every 300s)");
    assertThat(cache.get(key).families()).isEqualTo(stored);
  }

  @Test
  void expiredEntriesAreDroppedAndForgottenTargetsLoseTheirs() {
    CacheKey other = new CacheKey(Target.of("db-2").key(), "sizes");
    CacheKey longer = new CacheKey(Target.of("db-1").key(), "settings");
    cache.put(key, families, 0.1, Duration.ofSeconds(10));
    cache.put(other, families, 0.1, Duration.ofSeconds(10));
    cache.put(longer, families, 0.1, Duration.ofSeconds(30));
    clock.advance(Duration.ofSeconds(10));
    cache.evictExpired();
    assertThat(cache.size()).isEqualTo(1);
    cache.forget(Target.of("db-1").key());
    assertThat(cache.get(longer)).isNull();
    assertThat(cache.size()).isZero();
  }

  @Test
  void aTargetWithAnotherLoginHasItsOwnEntry() {
    cache.put(key, families, 0.1, Duration.ofSeconds(10));
    Target otherLogin = new Target("db-1", "", "admin", null, java.util.Map.of());
    assertThat(cache.get(new CacheKey(otherLogin.key(), "sizes"))).isNull();
  }
}
