package io.exporters.common.backend;

import java.util.Optional;

/**
 * Where scrapes get their connection to a target: pooled connections
 * ({@link ConnectionPools}) for backends that have them, or one shared client
 * ({@link SharedClient}) for HTTP APIs.
 */
public interface ConnectionSource<C> extends AutoCloseable {
  /** A connection for a collector, by the deadline. */
  Lease<C> acquire(Target target, Deadline deadline) throws Exception;

  /** A connection known to work now: a scrape's up check. Throws when the backend is down. */
  Lease<C> acquireChecked(Target target, Deadline deadline) throws Exception;

  /** The backend's version, for collectors with a version range; empty when unknown. */
  Optional<Version> version(C connection) throws Exception;

  /** How many collectors of one target may run at once. */
  int lanes();

  /** Closes what has been idle too long. */
  void evictIdle();

  int openConnections();

  @Override
  void close();
}
