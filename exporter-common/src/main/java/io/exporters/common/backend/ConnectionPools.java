package io.exporters.common.backend;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small bounded pool of connections per target identity ({@link TargetKey}: address, user,
 * credentials, options), under two process-wide caps: one for the configured targets, one for
 * the targets /probe requests name, so that no caller of /probe can take the configured
 * targets' connections. Idle connections are checked before reuse and replaced when dead;
 * connections idle too long are closed (a derived target's, such as another database of the
 * server, after {@link #DERIVED_IDLE}), and a target not used for a while loses its pool
 * entirely (the {@code onTargetEvicted} hook lets caches forget it too). When a cap is reached,
 * the idlest idle connection under that cap is closed to make room.
 */
public final class ConnectionPools<C> implements ConnectionSource<C> {
  private static final Logger logger = LoggerFactory.getLogger(ConnectionPools.class);

  /** A connection returned more recently than this is reused without a liveness round trip. */
  static final long RECENTLY_USED_NANOS = 1_000_000_000L;
  /** How long a derived target's connection stays idle: it is not needed between scrapes. */
  static final Duration DERIVED_IDLE = Duration.ofSeconds(5);

  private final TargetConnector<C> connector;
  private final int maxPerTarget;
  private final Duration idleTimeout;
  private final Duration targetIdleTimeout;
  private final Consumer<Target> onTargetEvicted;
  private final Duration derivedIdle;
  private final Ticker ticker;
  private final ConnectionBudget configuredBudget;
  private final ConnectionBudget probeBudget;
  private final Map<TargetKey, TargetPool> pools = new ConcurrentHashMap<>();

  public ConnectionPools(
      TargetConnector<C> connector, int maxPerTarget, int maxTotal, Duration idleTimeout,
      Duration targetIdleTimeout, Consumer<Target> onTargetEvicted) {
    this(connector, maxPerTarget, maxTotal, maxTotal, idleTimeout, targetIdleTimeout,
        onTargetEvicted);
  }

  /**
   * {@code maxConfigured}: connections of the configured targets; {@code maxProbed}: of the
   * targets /probe named.
   */
  public ConnectionPools(
      TargetConnector<C> connector, int maxPerTarget, int maxConfigured, int maxProbed,
      Duration idleTimeout, Duration targetIdleTimeout, Consumer<Target> onTargetEvicted) {
    this(connector, maxPerTarget, maxConfigured, maxProbed, idleTimeout, DERIVED_IDLE,
        targetIdleTimeout, onTargetEvicted, Ticker.SYSTEM);
  }

  ConnectionPools(
      TargetConnector<C> connector, int maxPerTarget, int maxConfigured, int maxProbed,
      Duration idleTimeout, Duration derivedIdle, Duration targetIdleTimeout,
      Consumer<Target> onTargetEvicted, Ticker ticker) {
    this.ticker = ticker;
    this.derivedIdle = derivedIdle;
    if (maxPerTarget < 1) {
      throw new IllegalArgumentException("maxPerTarget must be at least 1");
    }
    this.configuredBudget = new ConnectionBudget(maxConfigured, "scrape.max_connections");
    this.probeBudget = new ConnectionBudget(maxProbed, "scrape.max_probe_connections");
    this.connector = connector;
    this.maxPerTarget = maxPerTarget;
    this.idleTimeout = idleTimeout;
    this.targetIdleTimeout = targetIdleTimeout;
    this.onTargetEvicted = onTargetEvicted;
  }

  @Override
  public int lanes() {
    return maxPerTarget;
  }

  @Override
  public Optional<Version> version(C connection) throws Exception {
    return connector.version(connection);
  }

  /**
   * Borrows a connection, opening one if the pool has room, waiting otherwise. An idle one is
   * checked first unless it was in use within the last second.
   */
  @Override
  public Lease<C> acquire(Target target, Deadline deadline) throws Exception {
    return pool(target).acquire(deadline, false);
  }

  /** Like {@link #acquire} but always checks an idle connection (for the scrape's up check). */
  @Override
  public Lease<C> acquireChecked(Target target, Deadline deadline) throws Exception {
    return pool(target).acquire(deadline, true);
  }

  private TargetPool pool(Target target) {
    return pools.computeIfAbsent(target.key(), k -> new TargetPool(target));
  }

  /** Closes idle connections past the idle timeout and pools of targets unused for long. */
  @Override
  public void evictIdle() {
    long now = ticker.nanos();
    long derivedNanos = Math.min(idleTimeout.toNanos(), derivedIdle.toNanos());
    for (Map.Entry<TargetKey, TargetPool> e : pools.entrySet()) {
      TargetPool pool = e.getValue();
      long idleNanos = pool.target.derived() ? derivedNanos : idleTimeout.toNanos();
      List<C> toClose = pool.takeIdleOlderThan(now - idleNanos);
      toClose.forEach(pool::closeQuietly);
      if (pool.unusedSince(now - targetIdleTimeout.toNanos())
          && pools.remove(e.getKey(), pool)) {
        pool.takeIdleOlderThan(Long.MAX_VALUE).forEach(pool::closeQuietly);
        logger.atDebug().addKeyValue("target", pool.target).log("closed pool of idle target");
        onTargetEvicted.accept(pool.target);
      }
    }
  }

  /** Open connections over all targets (idle and in use), configured and probed. */
  @Override
  public int openConnections() {
    return configuredBudget.open() + probeBudget.open();
  }

  /** Open connections of the targets /probe named. */
  public int openProbeConnections() {
    return probeBudget.open();
  }

  /**
   * Closes the idle connection unused for longest among the targets under {@code budget}; false
   * when none is idle.
   */
  private boolean closeIdlest(ConnectionBudget budget) {
    while (true) {
      TargetPool oldest = null;
      long oldestSince = 0;
      for (TargetPool pool : pools.values()) {
        if (pool.budget != budget) {
          continue;
        }
        Long since = pool.idlestSince();
        if (since != null && (oldest == null || since - oldestSince < 0)) {
          oldest = pool;
          oldestSince = since;
        }
      }
      if (oldest == null) {
        return false;
      }
      // Another thread may have taken it meanwhile: then look again.
      C connection = oldest.takeIdlest(oldestSince);
      if (connection != null) {
        logger.atDebug().addKeyValue("target", oldest.target)
            .log("closed an idle connection to stay under " + budget.key());
        oldest.closeQuietly(connection);
        return true;
      }
    }
  }

  @Override
  public void close() {
    for (TargetPool pool : pools.values()) {
      pool.takeIdleOlderThan(Long.MAX_VALUE).forEach(pool::closeQuietly);
    }
    pools.clear();
  }

  private record Idle<C>(C connection, long sinceNanos) {}

  final class TargetPool implements Lease.Owner<C> {
    private final Target target;
    private final ConnectionBudget budget;
    private final Deque<Idle<C>> idle = new ArrayDeque<>();
    private int open;
    private long lastUsedNanos = ticker.nanos();

    TargetPool(Target target) {
      this.target = target;
      this.budget = target.probed() ? probeBudget : configuredBudget;
    }

    /** Closes a connection that no longer counts against this pool; frees its place. */
    void closeQuietly(C connection) {
      try {
        connector.close(connection);
      } catch (RuntimeException e) {
        logger.atDebug().setCause(e).log("closing a connection failed");
      } finally {
        budget.release();
      }
    }

    Lease<C> acquire(Deadline deadline, boolean alwaysCheck) throws Exception {
      while (true) {
        C candidate = null;
        boolean fresh = false;
        boolean mayOpen = false;
        synchronized (this) {
          lastUsedNanos = ticker.nanos();
          if (!idle.isEmpty()) {
            Idle<C> next = idle.pollFirst();
            candidate = next.connection();
            fresh = !alwaysCheck && lastUsedNanos - next.sinceNanos() < RECENTLY_USED_NANOS;
          } else if (open < maxPerTarget) {
            open++;
            mayOpen = true;
          } else {
            long waitMs = deadline.remainingMillis();
            if (waitMs <= 0) {
              throw new TimeoutException("all " + maxPerTarget + " connections to " + target
                  + " are busy");
            }
            wait(waitMs);
            continue;
          }
        }
        if (candidate != null) {
          if (fresh || connector.isHealthy(candidate, deadline)) {
            return new Lease<>(this, candidate);
          }
          logger.atDebug().addKeyValue("target", target).log("replacing a dead connection");
          discard(candidate);
          continue;
        }
        if (mayOpen) {
          boolean reserved = false;
          try {
            budget.reserve(deadline, () -> closeIdlest(budget));
            reserved = true;
            return new Lease<>(this, connector.connect(target, deadline));
          } catch (Exception | Error e) {
            if (reserved) {
              budget.release();
            }
            synchronized (this) {
              open--;
              notifyAll();
            }
            throw e;
          }
        }
      }
    }

    @Override
    public void release(C connection, boolean broken) {
      if (broken) {
        discard(connection);
        return;
      }
      synchronized (this) {
        idle.addFirst(new Idle<>(connection, ticker.nanos()));
        notifyAll();
      }
    }

    @Override
    public void abort(C connection) {
      try {
        connector.abort(connection);
      } catch (RuntimeException e) {
        logger.atDebug().setCause(e).log("aborting a connection failed");
      }
    }

    private void discard(C connection) {
      closeQuietly(connection);
      synchronized (this) {
        open--;
        notifyAll();
      }
    }

    /** When the connection idle for longest was returned, or null with none idle. */
    synchronized Long idlestSince() {
      return idle.isEmpty() ? null : idle.peekLast().sinceNanos();
    }

    /** Takes the connection idle for longest if it is still the one returned at {@code since}. */
    synchronized C takeIdlest(long since) {
      Idle<C> last = idle.peekLast();
      if (last == null || last.sinceNanos() != since) {
        return null;
      }
      idle.pollLast();
      open--;
      notifyAll();
      return last.connection();
    }

    synchronized List<C> takeIdleOlderThan(long nanos) {
      List<C> out = new ArrayList<>();
      idle.removeIf(i -> {
        if (i.sinceNanos() - nanos <= 0 || nanos == Long.MAX_VALUE) {
          out.add(i.connection());
          return true;
        }
        return false;
      });
      open -= out.size();
      return out;
    }

    synchronized boolean unusedSince(long nanos) {
      return lastUsedNanos - nanos < 0 && open == 0;
    }

    synchronized int open() {
      return open;
    }
  }
}
