package io.exporters.common.backend;

import java.util.Optional;

/**
 * The connection source of a backend that is an HTTP API: every target uses one client (its
 * own connection pool is the HTTP client's), so there is nothing to open, check or close per
 * target. The up check, when the exporter gives one, asks the API.
 */
public final class SharedClient<C> implements ConnectionSource<C>, Lease.Owner<C> {
  /** Whether the API answers for a target; the scrape's {@code <ns>_up}. */
  @FunctionalInterface
  public interface UpCheck<C> {
    void check(C client, Target target, Deadline deadline) throws Exception;
  }

  private final C client;
  private final UpCheck<C> upCheck;
  private final int lanes;

  public SharedClient(C client, UpCheck<C> upCheck, int lanes) {
    this.client = client;
    this.upCheck = upCheck;
    this.lanes = lanes;
  }

  @Override
  public Lease<C> acquire(Target target, Deadline deadline) {
    return new Lease<>(this, client);
  }

  @Override
  public Lease<C> acquireChecked(Target target, Deadline deadline) throws Exception {
    upCheck.check(client, target, deadline);
    return new Lease<>(this, client);
  }

  @Override
  public Optional<Version> version(C connection) {
    return Optional.empty();
  }

  @Override
  public int lanes() {
    return lanes;
  }

  @Override
  public void evictIdle() {
    // Nothing is held per target.
  }

  @Override
  public int openConnections() {
    return 0;
  }

  @Override
  public void release(C connection, boolean broken) {
    // Shared: nothing to give back.
  }

  @Override
  public void abort(C connection) {
    // A late HTTP call is cancelled by its own deadline; the client stays.
  }

  @Override
  public void close() {
    // The client belongs to the process.
  }
}
