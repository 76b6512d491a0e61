package io.exporters.common.scrape;

import io.exporters.common.backend.ConnectionSource;
import io.exporters.common.backend.Deadline;
import io.exporters.common.backend.Lease;
import io.exporters.common.backend.Target;
import io.exporters.common.backend.TargetKey;
import io.exporters.common.backend.Version;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.secret.SecretMasker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one collector run sees: its target, deadline, options and backend version. Tracks the
 * connections it borrows so they go back to their pools when it finishes, or die with it when it
 * is cancelled at its deadline.
 */
final class RunContext<C> implements ScrapeContext<C> {
  private final ConnectionSource<C> pools;
  private final Target target;
  private final Deadline deadline;
  private final Version version;
  private final Map<String, String> options;
  private final Map<TargetKey, Lease<C>> leases = new LinkedHashMap<>();
  private final List<String> debug = new ArrayList<>();
  private boolean aborted;

  RunContext(ConnectionSource<C> pools, Target target, Deadline deadline, Version version,
      Map<String, String> options) {
    this.pools = pools;
    this.target = target;
    this.deadline = deadline;
    this.version = version;
    this.options = options;
  }

  @Override
  public Target target() {
    return target;
  }

  @Override
  public Deadline deadline() {
    return deadline;
  }

  @Override
  public C connection() throws Exception {
    return connection(target);
  }

  @Override
  public C connection(Target other) throws Exception {
    TargetKey key = other.key();
    synchronized (this) {
      Lease<C> lease = leases.get(key);
      if (lease != null) {
        return lease.connection();
      }
    }
    // Not under the lock: waiting for a pooled connection must not block abortAll().
    Lease<C> lease = pools.acquire(other, deadline);
    synchronized (this) {
      leases.put(key, lease);
      if (aborted) {
        lease.abort();
        throw new InterruptedException("collector cancelled at its deadline");
      }
    }
    return lease.connection();
  }

  @Override
  public synchronized void release(Target other) {
    Lease<C> lease = leases.remove(other.key());
    if (lease != null) {
      lease.close();
    }
  }

  @Override
  public Optional<Version> backendVersion() {
    return Optional.ofNullable(version);
  }

  @Override
  public Map<String, String> options() {
    return options;
  }

  @Override
  public synchronized void debug(String line) {
    if (debug.size() < DEBUG_LINES) {
      debug.add(SecretMasker.mask(line));
    }
  }

  synchronized List<String> debugLines() {
    return List.copyOf(debug);
  }

  synchronized void releaseAll() {
    for (Lease<C> lease : leases.values()) {
      lease.close();
    }
    leases.clear();
  }

  synchronized void abortAll() {
    aborted = true;
    for (Lease<C> lease : leases.values()) {
      lease.abort();
    }
  }
}
