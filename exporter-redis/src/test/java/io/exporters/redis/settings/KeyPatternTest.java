package io.exporters.redis.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** redis_exporter's key flag syntax: [db=]key, comma-separated, URL-escaped. */
class KeyPatternTest {
  @Test
  void databasesDefaultToZeroAndTakeBothSpellings() {
    assertThat(KeyPattern.parseList("a*, db3=b:*,5=c%2Cd,,"))
        .containsExactly(new KeyPattern(0, "a*"), new KeyPattern(3, "b:*"),
            new KeyPattern(5, "c,d"));
    assertThat(KeyPattern.parseList(null)).isEmpty();
  }

  @Test
  void globsAreToldFromSingleKeys() {
    assertThat(new KeyPattern(0, "user:*").isGlob()).isTrue();
    assertThat(new KeyPattern(0, "h[ae]llo").isGlob()).isTrue();
    assertThat(new KeyPattern(0, "user:42").isGlob()).isFalse();
  }

  @Test
  void malformedListsNameTheItem() {
    assertThatThrownBy(() -> KeyPattern.parseList("dbx=a")).hasMessageContaining("dbx");
    assertThatThrownBy(() -> KeyPattern.parseList("a=b=c")).hasMessageContaining("a=b=c");
    assertThatThrownBy(() -> KeyPattern.parseList("db-1=a")).hasMessageContaining("negative");
    assertThatThrownBy(() -> KeyPattern.parseList("x".repeat(2000)))
        .hasMessageContaining("1024");
  }

  @Test
  void namespacesMustBeMetricNames() {
    assertThat(new Names("cache").of("up")).isEqualTo("cache_up");
    assertThatThrownBy(() -> new Names("9lives")).hasMessageContaining("9lives");
    assertThatThrownBy(() -> new Names("a-b")).isInstanceOf(IllegalArgumentException.class);
  }
}
