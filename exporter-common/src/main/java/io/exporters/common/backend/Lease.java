package io.exporters.common.backend;

/**
 * A connection borrowed for one collector run; closing it gives it back to where it came from
 * (a pool, or nowhere for a shared client).
 */
public final class Lease<C> implements AutoCloseable {
  /** Where a lease's connection goes back to. */
  interface Owner<C> {
    void release(C connection, boolean broken);

    void abort(C connection);
  }

  private final Owner<C> owner;
  private final C connection;
  private volatile boolean broken;
  private boolean returned;

  Lease(Owner<C> owner, C connection) {
    this.owner = owner;
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
    owner.abort(connection);
  }

  @Override
  public synchronized void close() {
    if (!returned) {
      returned = true;
      owner.release(connection, broken);
    }
  }
}
