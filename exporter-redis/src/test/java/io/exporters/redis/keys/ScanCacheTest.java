package io.exporters.redis.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.common.backend.TargetKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the scans remember between scrapes stays bounded whatever /scrape callers ask for: in
 * entries and in the characters of key names, counted as scans grow; and a scan's own limits.
 */
class ScanCacheTest {
  @Test
  void entriesAndKeyNamesAreBounded() {
    ScanCache cache = new ScanCache();
    for (int i = 0; i < ScanCache.MAX_ENTRIES * 2; i++) {
      cache.put(key("p" + i), new ScanState(false));
    }
    assertThat(cache.get(key("p0"))).isNull();
    assertThat(cache.get(key("p" + (ScanCache.MAX_ENTRIES * 2 - 1)))).isNotNull();

    List<String> names = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      names.add("k".repeat(500) + i);
    }
    for (int i = 0; i < 10; i++) {
      ScanState growing = new ScanState(false);
      cache.put(key("big" + i), growing);
      // The state grows after it was put, as a scan does; the next put counts it.
      growing.add("0", names, 1000, KeyScanner.MAX_KEY_LENGTH);
      cache.put(key("big" + i), growing);
      assertThat(cache.chars()).isLessThanOrEqualTo(ScanCache.MAX_CHARS);
    }
  }

  @Test
  void aScanKeepsNoMoreThanItsLimitAndNoOverlongNames() {
    ScanState state = new ScanState(false);
    state.add("17", List.of("a", "b", "c"), 2, 10);
    assertThat(state.keys()).containsExactly("a", "b");
    assertThat(state.truncated()).isTrue();
    ScanState longNames = new ScanState(false);
    longNames.add("0", List.of("x".repeat(11), "ok"), 10, 10);
    assertThat(longNames.keys()).containsExactly("ok");
    assertThat(longNames.truncated()).isTrue();
    ScanState counting = new ScanState(true);
    counting.add("5", List.of("a", "b"), 1, 10);
    counting.add("0", List.of("c"), 1, 10);
    assertThat(counting.count()).isEqualTo(3);
    assertThat(counting.truncated()).isFalse();
  }

  private static ScanCache.Key key(String pattern) {
    return new ScanCache.Key(new TargetKey("redis://h:1", null, "-", Map.of()), 0, pattern,
        null, false);
  }
}
