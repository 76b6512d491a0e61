package io.exporters.scraper.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Sizes as blackbox's body_size_limit takes them: powers of 1024. */
class ByteSizeTest {
  @Test
  void unitsAreBaseTwo() {
    assertThat(ByteSize.parse("512").bytes()).isEqualTo(512);
    assertThat(ByteSize.parse("1KB").bytes()).isEqualTo(1024);
    assertThat(ByteSize.parse("1KiB").bytes()).isEqualTo(1024);
    assertThat(ByteSize.parse("10MB").bytes()).isEqualTo(10 << 20);
    assertThat(ByteSize.parse("10mib").bytes()).isEqualTo(10 << 20);
    assertThat(ByteSize.parse("2 GB").bytes()).isEqualTo(2L << 30);
    assertThat(ByteSize.parse("10MiB").toString()).isEqualTo("10MiB");
  }

  @Test
  void nonsenseIsRefused() {
    for (String bad : new String[] {"", "MB", "10 furlongs", "-1MB", "1.5MB"}) {
      assertThatThrownBy(() -> ByteSize.parse(bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
