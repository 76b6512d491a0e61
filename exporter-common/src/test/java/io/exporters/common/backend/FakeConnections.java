package io.exporters.common.backend;

import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A connection source for engine tests: each connection is a numbered string; the backend can be
 * taken down and its version set. Counts what was borrowed, given back, broken and aborted, so a
 * test sees every connection accounted for.
 */
public final class FakeConnections implements ConnectionSource<String> {
  private final int lanes;
  private final AtomicInteger opened = new AtomicInteger();
  public final List<String> aborted = new ArrayList<>();
  public final List<String> broken = new ArrayList<>();
  private final AtomicInteger borrowed = new AtomicInteger();
  private final AtomicInteger checked = new AtomicInteger();
  private volatile String downReason;
  private volatile Version version;

  public FakeConnections(int lanes) {
    this.lanes = lanes;
  }

  /** From now on every connect fails with a ConnectException carrying {@code reason}. */
  public void down(String reason) {
    downReason = reason;
  }

  public void up() {
    downReason = null;
  }

  public void version(Version v) {
    version = v;
  }

  /** Connections borrowed and not yet given back (or aborted). */
  public int borrowed() {
    return borrowed.get();
  }

  /** Up checks made (one per round that was not served from cache entirely). */
  public int upChecks() {
    return checked.get();
  }

  @Override
  public Lease<String> acquire(Target target, Deadline deadline) throws Exception {
    if (downReason != null) {
      throw new ConnectException(downReason);
    }
    borrowed.incrementAndGet();
    return new Lease<>(new Lease.Owner<>() {
      @Override
      public void release(String connection, boolean isBroken) {
        if (isBroken) {
          synchronized (broken) {
            broken.add(connection);
          }
        }
        borrowed.decrementAndGet();
      }

      @Override
      public void abort(String connection) {
        synchronized (aborted) {
          aborted.add(connection);
        }
      }
    }, target.address() + "#" + opened.incrementAndGet());
  }

  @Override
  public Lease<String> acquireChecked(Target target, Deadline deadline) throws Exception {
    checked.incrementAndGet();
    return acquire(target, deadline);
  }

  @Override
  public Optional<Version> version(String connection) {
    return Optional.ofNullable(version);
  }

  @Override
  public int lanes() {
    return lanes;
  }

  @Override
  public void evictIdle() {}

  @Override
  public int openConnections() {
    return borrowed.get();
  }

  @Override
  public void close() {}
}
