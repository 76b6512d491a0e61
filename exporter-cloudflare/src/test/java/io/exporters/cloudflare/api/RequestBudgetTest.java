package io.exporters.cloudflare.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.cloudflare.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A sliding five-minute budget and the pauses the API asks for, on a clock moved by hand. */
class RequestBudgetTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2024-05-20T10:00:00Z"));

  @Test
  void allowsTheLimitInAnyFiveMinutes() {
    RequestBudget b = new RequestBudget(3, clock);
    assertThat(b.tryAcquire()).isTrue();
    clock.advance(Duration.ofMinutes(2));
    assertThat(b.tryAcquire()).isTrue();
    assertThat(b.tryAcquire()).isTrue();
    assertThat(b.tryAcquire()).isFalse();
    assertThat(b.used()).isEqualTo(3);
    clock.advance(Duration.ofMinutes(3));
    assertThat(b.available()).as("the first left the window").isEqualTo(1);
    assertThat(b.tryAcquire()).isTrue();
    assertThat(b.tryAcquire()).isFalse();
  }

  @Test
  void aPauseStopsEverythingAndIsNeverShortened() {
    RequestBudget b = new RequestBudget(100, clock);
    b.pauseUntil(clock.instant().plusSeconds(300), "budget depleted");
    b.pauseUntil(clock.instant().plusSeconds(60), "shorter");
    assertThat(b.tryAcquire()).isFalse();
    assertThat(b.available()).isZero();
    assertThat(b.pauseReason()).isEqualTo("budget depleted");
    clock.advance(Duration.ofSeconds(299));
    assertThat(b.pauseRemaining()).isEqualTo(Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(1));
    assertThat(b.tryAcquire()).isTrue();
    assertThat(b.pauseReason()).isEmpty();
  }
}
