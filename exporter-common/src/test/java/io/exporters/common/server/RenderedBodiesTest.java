package io.exporters.common.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exporters.common.backend.Deadline;
import io.exporters.common.exposition.Exposition;
import io.exporters.common.exposition.Utf8Buffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RenderedBodiesTest {
  /** A large page's uncompressed body: three fit the room. */
  private static final long MB5 = 5L * 1024 * 1024;
  private final AtomicInteger renders = new AtomicInteger();

  /** A body of 5 MB, as large as its estimate. */
  private Exposition.Body body() {
    renders.incrementAndGet();
    Utf8Buffer bytes = new Utf8Buffer(16);
    bytes.writeShared(new byte[(int) MB5]);
    return new Exposition.Body("text/plain", null, bytes);
  }

  private static Deadline in(long millis) {
    return Deadline.in(Duration.ofMillis(millis));
  }

  @Test
  void atMostThreeLargeBodiesLiveWhateverTheFormatsAsked() throws Exception {
    RenderedBodies bodies = new RenderedBodies();
    Object result = new Object();
    List<RenderedBodies.Lease> held = new ArrayList<>();
    for (String format : List.of("text", "openmetrics", "protobuf")) {
      held.add(bodies.acquire(result, format, MB5, in(100), this::body));
    }
    assertThatThrownBy(() -> bodies.acquire(result, "text+gzip", MB5, in(50), this::body))
        .isInstanceOf(RenderedBodies.Busy.class).hasMessageContaining("retry");
    // Joiners of a live body share it without a place of their own.
    try (RenderedBodies.Lease again =
        bodies.acquire(result, "text", MB5, in(50), this::body)) {
      assertThat(again.body()).isSameAs(held.get(0).body());
    }
    held.get(1).close();
    // The lingering body gives its place to the one now asked for.
    try (RenderedBodies.Lease gz =
        bodies.acquire(result, "text+gzip", MB5, in(50), this::body)) {
      assertThat(gz.body()).isNotNull();
      assertThat(bodies.live()).isLessThanOrEqualTo(3);
    }
    held.forEach(RenderedBodies.Lease::close);
    assertThat(renders.get()).isEqualTo(4);
    renders.set(0);
    // Compressed bodies take no room; small ones little.
    List<RenderedBodies.Lease> small = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      small.add(bodies.acquire(new Object(), "gzip", 0, in(10), this::body));
      small.add(bodies.acquire(new Object(), "small", 50_000, in(10),
          () -> new Exposition.Body("text/plain", null, new Utf8Buffer(16))));
    }
    small.forEach(RenderedBodies.Lease::close);
  }

  @Test
  void aJoinerAMomentBehindSharesTheBodyAnotherResultDoesNot() throws Exception {
    RenderedBodies bodies = new RenderedBodies();
    Object result = new Object();
    Exposition.Body first;
    try (RenderedBodies.Lease a = bodies.acquire(result, "text", MB5, in(100), this::body)) {
      first = a.body();
    }
    try (RenderedBodies.Lease b = bodies.acquire(result, "text", MB5, in(100), this::body)) {
      assertThat(b.body()).isSameAs(first);
    }
    try (RenderedBodies.Lease c =
        bodies.acquire(new Object(), "text", MB5, in(100), this::body)) {
      assertThat(c.body()).isNotSameAs(first);
    }
    assertThat(renders.get()).isEqualTo(2);
  }

  @Test
  void aFailedRenderIsNotKeptAndFreesItsPlace() throws Exception {
    RenderedBodies bodies = new RenderedBodies();
    Object result = new Object();
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> bodies.acquire(result, "text", MB5, in(50), () -> {
        throw new IllegalStateException("render failed");
      })).hasMessage("render failed");
    }
    assertThat(bodies.live()).isZero();
    try (RenderedBodies.Lease ok = bodies.acquire(result, "text", MB5, in(50), this::body)) {
      assertThat(ok.body()).isNotNull();
    }
  }
}
