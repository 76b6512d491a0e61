package io.exporters.cloudflare.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Windows are whole minutes, contiguous, start at the newest minute, catch up within a bound. */
class CursorsTest {
  private static final Duration HOUR = Duration.ofHours(1);

  @Test
  void theTargetIsTheNewestCompleteMinuteThatIsDelayOld() {
    assertThat(Window.target(Instant.parse("2024-05-20T10:10:59Z"), Duration.ofMinutes(5)))
        .isEqualTo(Instant.parse("2024-05-20T10:05:00Z"));
    assertThat(Window.target(Instant.parse("2024-05-20T10:10:00Z"), Duration.ofSeconds(300)))
        .isEqualTo(Instant.parse("2024-05-20T10:05:00Z"));
  }

  @Test
  void windowsAreContiguousAndAFirstWindowWaitsUntilCounted() {
    Cursors c = new Cursors();
    Instant t = Instant.parse("2024-05-20T10:05:00Z");
    Window first = c.due("z", "d", t, HOUR);
    assertThat(first).isEqualTo(new Window(t.minusSeconds(60), t, 0));
    // Not counted yet: a later poll reads from the same start.
    Window again = c.due("z", "d", t.plusSeconds(120), HOUR);
    assertThat(again.start()).isEqualTo(first.start());
    assertThat(again.minutes()).isEqualTo(3);
    c.advance("z", "d", again);
    assertThat(c.due("z", "d", t.plusSeconds(120), HOUR)).isNull();
    assertThat(c.due("z", "d", t.plusSeconds(180), HOUR).start()).isEqualTo(again.end());
  }

  @Test
  void minutesPastTheCatchUpBoundAreSkippedAndCounted() {
    Cursors c = new Cursors();
    Instant t = Instant.parse("2024-05-20T10:05:00Z");
    c.advance("z", "d", c.due("z", "d", t, HOUR));
    Window late = c.due("z", "d", t.plus(Duration.ofMinutes(90)), HOUR);
    assertThat(late.minutes()).isEqualTo(60);
    assertThat(late.skippedMinutes()).isEqualTo(30);
    c.forget("z");
    assertThat(c.position("z", "d")).isNull();
  }
}
