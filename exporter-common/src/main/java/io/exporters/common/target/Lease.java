package io.exporters.common.target;

/** A connection borrowed from a {@link ConnectionPools} pool; closing it gives it back. */
public final class Lease<C> implements AutoCloseable {
  private final ConnectionPools<C>.TargetPool pool;
  private final C connection;
  private volatile boolean broken;
  private boolean returned;

  Lease(ConnectionPools<C>.TargetPool pool, C connection) {
    this.pool = pool;
    this.connection = connection;
  }

  public C connection() {
    return connection;
  }

  /** The connection must not be reused (an error left it in an unknown state). */
  public void markBroken() {
    broken = true;
  }

  /** Kills the connection from another thread, e.g. when its user missed the deadline. */
  public void abort() {
    broken = true;
    pool.abort(connection);
  }

  @Override
  public synchronized void close() {
    if (!returned) {
      returned = true;
      pool.release(connection, broken);
    }
  }
}
