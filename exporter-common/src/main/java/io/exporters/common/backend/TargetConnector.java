package io.exporters.common.backend;

import java.util.Optional;

/** How an exporter opens, checks and closes connections to its backend. */
public interface TargetConnector<C> {
  /** Opens a connection, giving up by the deadline. The message of a failure is logged as-is. */
  C connect(Target target, Deadline deadline) throws Exception;

  /** Cheap liveness check before an idle connection is reused. */
  boolean isHealthy(C connection, Deadline deadline);

  void close(C connection);

  /** Called from another thread when a collector using the connection missed its deadline. */
  default void abort(C connection) {
    close(connection);
  }

  /** The backend's version, for collectors with a version range; empty when unknown. */
  default Optional<Version> version(C connection) throws Exception {
    return Optional.empty();
  }
}
