package io.exporters.common.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exporters.common.secret.Secret;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConnectionPoolsTest {
  static final class Conn {
    final AtomicBoolean alive = new AtomicBoolean(true);
    boolean closed;
  }

  final AtomicInteger opened = new AtomicInteger();
  final AtomicInteger healthChecks = new AtomicInteger();
  final List<Conn> all = new ArrayList<>();
  final List<Target> evicted = new ArrayList<>();
  final ManualClock clock = new ManualClock();

  final TargetConnector<Conn> connector = new TargetConnector<>() {
    @Override
    public Conn connect(Target target, Deadline deadline) {
      opened.incrementAndGet();
      Conn c = new Conn();
      all.add(c);
      return c;
    }

    @Override
    public boolean isHealthy(Conn c, Deadline deadline) {
      healthChecks.incrementAndGet();
      return c.alive.get();
    }

    @Override
    public void close(Conn c) {
      c.closed = true;
    }
  };

  ConnectionPools<Conn> pools(int max, Duration idle, Duration targetIdle) {
    return new ConnectionPools<>(connector, max, 100, 100, idle, ConnectionPools.DERIVED_IDLE,
        targetIdle, evicted::add, clock);
  }

  static Target login(String address, String user, String password) {
    return new Target(address, "", user, password == null ? null : Secret.of(password), Map.of());
  }

  @Test
  void reusesAReturnedConnection() throws Exception {
    ConnectionPools<Conn> pools = pools(2, Duration.ofMinutes(1), Duration.ofMinutes(5));
    Target t = Target.of("a");
    Conn first;
    try (Lease<Conn> lease = pools.acquire(t, Deadline.in(Duration.ofSeconds(1)))) {
      first = lease.connection();
    }
    try (Lease<Conn> lease = pools.acquire(t, Deadline.in(Duration.ofSeconds(1)))) {
      assertThat(lease.connection()).isSameAs(first);
    }
    assertThat(opened.get()).isEqualTo(1);
  }

  @Test
  void deadConnectionIsClosedAndReplaced() throws Exception {
    ConnectionPools<Conn> pools = pools(2, Duration.ofMinutes(1), Duration.ofMinutes(5));
    Target t = Target.of("a");
    Conn first;
    try (Lease<Conn> lease = pools.acquire(t, Deadline.in(Duration.ofSeconds(1)))) {
      first = lease.connection();
    }
    first.alive.set(false);
    try (Lease<Conn> lease = pools.acquireChecked(t, Deadline.in(Duration.ofSeconds(1)))) {
      assertThat(lease.connection()).isNotSameAs(first);
    }
    assertThat(first.closed).isTrue();
    assertThat(pools.openConnections()).isEqualTo(1);
  }

  @Test
  void aConnectionReturnedWithinASecondIsReusedWithoutACheck() throws Exception {
    ConnectionPools<Conn> pools = pools(2, Duration.ofMinutes(1), Duration.ofMinutes(5));
    Target t = Target.of("a");
    pools.acquire(t, Deadline.in(Duration.ofSeconds(1))).close();
    int checks = healthChecks.get();
    pools.acquire(t, Deadline.in(Duration.ofSeconds(1))).close();
    assertThat(healthChecks.get()).isEqualTo(checks);
    pools.acquireChecked(t, Deadline.in(Duration.ofSeconds(1))).close();
    assertThat(healthChecks.get()).isEqualTo(checks + 1);
  }

  @Test
  void boundedPerTargetAndWaitsOnlyUntilTheDeadline() throws Exception {
    ConnectionPools<Conn> pools = pools(1, Duration.ofMinutes(1), Duration.ofMinutes(5));
    Target t = Target.of("a");
    try (Lease<Conn> held = pools.acquire(t, Deadline.in(Duration.ofSeconds(1)))) {
      assertThatThrownBy(() -> pools.acquire(t, Deadline.in(Duration.ofMillis(100))))
          .isInstanceOf(TimeoutException.class).hasMessageContaining("busy");
      try (Lease<Conn> other = pools.acquire(Target.of("b"), Deadline.in(Duration.ofSeconds(1)))) {
        assertThat(other.connection()).isNotSameAs(held.connection());
      }
    }
  }

  @Test
  void brokenLeaseIsNotReused() throws Exception {
    ConnectionPools<Conn> pools = pools(2, Duration.ofMinutes(1), Duration.ofMinutes(5));
    Target t = Target.of("a");
    Conn first;
    try (Lease<Conn> lease = pools.acquire(t, Deadline.in(Duration.ofSeconds(1)))) {
      first = lease.connection();
      lease.abort();
    }
    assertThat(first.closed).isTrue();
    assertThat(pools.openConnections()).isZero();
  }

  @Test
  void idleConnectionsAndIdleTargetsAreEvicted() throws Exception {
    ConnectionPools<Conn> pools = pools(2, Duration.ofMillis(1), Duration.ofMillis(1));
    Target t = Target.of("a");
    pools.acquire(t, Deadline.in(Duration.ofSeconds(1))).close();
    clock.advance(Duration.ofMillis(2));
    pools.evictIdle();
    assertThat(all.get(0).closed).isTrue();
    assertThat(pools.openConnections()).isZero();
    assertThat(evicted).containsExactly(t);
  }

  @Test
  void eachLoginHasItsOwnPoolSoNoCallerUsesAnothersConnection() throws Exception {
    ConnectionPools<Conn> pools = pools(3, Duration.ofMinutes(1), Duration.ofMinutes(5));
    Conn right;
    try (Lease<Conn> lease = pools.acquire(login("db:5432/x", "monitor", "right"),
        Deadline.in(Duration.ofSeconds(1)))) {
      right = lease.connection();
    }
    for (Target other : List.of(login("db:5432/x", "monitor", "wrong"),
        login("db:5432/x", "monitor", ""), login("db:5432/x", "monitor", null),
        login("db:5432/x", "admin", "right"))) {
      try (Lease<Conn> lease = pools.acquire(other, Deadline.in(Duration.ofSeconds(1)))) {
        assertThat(lease.connection()).as(other.username()).isNotSameAs(right);
      }
    }
    assertThat(opened.get()).isEqualTo(5);
    try (Lease<Conn> lease = pools.acquire(login("db:5432/x", "monitor", "right"),
        Deadline.in(Duration.ofSeconds(1)))) {
      assertThat(lease.connection()).isSameAs(right);
    }
  }

  @Test
  void theKeyHoldsADigestOfThePasswordNeverThePassword() {
    TargetKey key = login("db:5432/x", "monitor", "hunter2-secret").key();
    assertThat(key.toString()).doesNotContain("hunter2-secret");
    assertThat(key).isEqualTo(login("db:5432/x", "monitor", "hunter2-secret").key());
    assertThat(key).isNotEqualTo(login("db:5432/x", "monitor", "hunter3-secret").key());
  }

  @Test
  void theProcessWideCapClosesTheIdlestConnectionOfAnotherTarget() throws Exception {
    ConnectionPools<Conn> pools = new ConnectionPools<>(connector, 3, 2, 2, Duration.ofMinutes(1),
        ConnectionPools.DERIVED_IDLE, Duration.ofMinutes(5), evicted::add, clock);
    pools.acquire(Target.of("a"), Deadline.in(Duration.ofSeconds(1))).close();
    clock.advance(Duration.ofMillis(5));
    pools.acquire(Target.of("b"), Deadline.in(Duration.ofSeconds(1))).close();
    pools.acquire(Target.of("c"), Deadline.in(Duration.ofSeconds(1))).close();
    assertThat(pools.openConnections()).isEqualTo(2);
    assertThat(all.get(0).closed).as("a's connection, idle for longest").isTrue();
    assertThat(all.get(1).closed).isFalse();
  }

  @Test
  void atTheCapWithNothingIdleAScrapeWaitsOnlyUntilItsDeadline() throws Exception {
    ConnectionPools<Conn> pools = new ConnectionPools<>(connector, 3, 2, Duration.ofMinutes(1),
        Duration.ofMinutes(5), evicted::add);
    try (Lease<Conn> a = pools.acquire(Target.of("a"), Deadline.in(Duration.ofSeconds(1)));
        Lease<Conn> b = pools.acquire(Target.of("b"), Deadline.in(Duration.ofSeconds(1)))) {
      assertThatThrownBy(() -> pools.acquire(Target.of("c"), Deadline.in(Duration.ofMillis(100))))
          .isInstanceOf(TimeoutException.class).hasMessageContaining("max_connections");
    }
    // The failed attempt left nothing counted: both places are free again.
    assertThat(pools.openConnections()).isEqualTo(2);
    pools.acquire(Target.of("c"), Deadline.in(Duration.ofSeconds(1))).close();
    assertThat(pools.openConnections()).isEqualTo(2);
  }

  @Test
  void probedTargetsCannotTakeTheConfiguredTargetsConnections() throws Exception {
    ConnectionPools<Conn> pools = new ConnectionPools<>(connector, 1, 2, 3,
        Duration.ofMinutes(1), Duration.ofMinutes(5), evicted::add);
    List<Lease<Conn>> held = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      held.add(pools.acquire(Target.of("probed-" + i).asProbed(),
          Deadline.in(Duration.ofSeconds(1))));
    }
    assertThatThrownBy(() -> pools.acquire(Target.of("probed-x").asProbed(),
        Deadline.in(Duration.ofMillis(50)))).isInstanceOf(TimeoutException.class)
        .hasMessageContaining("scrape.max_probe_connections");
    // The configured target has its own places, even at the same address as a probe's.
    try (Lease<Conn> configured = pools.acquire(Target.of("probed-0"),
        Deadline.in(Duration.ofMillis(50)))) {
      assertThat(configured.connection()).isNotNull();
    }
    assertThat(pools.openConnections()).isEqualTo(4);
    assertThat(pools.openProbeConnections()).isEqualTo(3);
    held.forEach(Lease::close);
  }

  @Test
  void aDerivedTargetsIdleConnectionClosesSoonTheConfiguredOnesStay() throws Exception {
    ConnectionPools<Conn> pools = new ConnectionPools<>(connector, 2, 10, 10,
        Duration.ofMinutes(2), ConnectionPools.DERIVED_IDLE, Duration.ofMinutes(5), evicted::add,
        clock);
    Target main = Target.of("server/main");
    Target other = main.withAddress("server/other");
    assertThat(other.derived()).isTrue();
    Conn mainConn;
    Conn otherConn;
    try (Lease<Conn> a = pools.acquire(main, Deadline.in(Duration.ofSeconds(1)));
        Lease<Conn> b = pools.acquire(other, Deadline.in(Duration.ofSeconds(1)))) {
      mainConn = a.connection();
      otherConn = b.connection();
    }
    clock.advance(ConnectionPools.DERIVED_IDLE);
    pools.evictIdle();
    assertThat(otherConn.closed).isTrue();
    assertThat(mainConn.closed).isFalse();
    assertThat(pools.openConnections()).isEqualTo(1);
  }
}
