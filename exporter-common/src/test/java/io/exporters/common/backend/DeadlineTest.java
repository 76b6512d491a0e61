package io.exporters.common.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeadlineTest {
  @Test
  void remainingAndOverdueAreNeverNegative() {
    Deadline future = Deadline.in(Duration.ofSeconds(10));
    assertThat(future.remainingMillis()).isBetween(9_000L, 10_000L);
    assertThat(future.overdueMillis()).isZero();
    assertThat(future.expired()).isFalse();
    Deadline past = Deadline.in(Duration.ofSeconds(-3));
    assertThat(past.remainingMillis()).isZero();
    assertThat(past.overdueMillis()).isBetween(3_000L, 4_000L);
    assertThat(past.expired()).isTrue();
    assertThat(future.min(past)).isSameAs(past);
  }
}
