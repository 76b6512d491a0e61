package io.exporters.scraper.net;

import io.exporters.common.backend.Deadline;
import io.exporters.scraper.model.FailureReason;
import io.exporters.scraper.model.Families;
import io.exporters.scraper.model.ProbeFailure;
import io.exporters.scraper.model.ProbeLog;
import io.exporters.scraper.model.ProbeMetrics;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Resolves a target's name the way blackbox's {@code chooseProtocol} does: every address, then
 * the first of the preferred family, else one of the other if fallback is allowed; then applies
 * the {@link AddressPolicy}. Java's lookups cannot be interrupted, so they run on a few threads
 * of their own and a probe waits only until its deadline: names that never resolve cost a
 * bounded number of threads, however many callers ask for them.
 */
public final class TargetResolver {
  private static final int THREADS = 8;
  private static final ThreadPoolExecutor LOOKUPS = lookupPool();

  private TargetResolver() {}

  /**
   * Resolves and, when {@code record} is given, writes blackbox's resolution series into it:
   * the lookup time, the family and the address hash, the last two 0 when no address was
   * chosen (as blackbox registers them before it resolves).
   */
  public static Resolution resolve(String host, IpProtocol preferred, boolean fallback,
      boolean allowLinkLocal, Deadline deadline, ProbeLog log, ProbeMetrics record)
      throws ProbeFailure {
    long started = System.nanoTime();
    try {
      Resolution r = resolve(host, preferred, fallback, allowLinkLocal, deadline, log);
      if (record != null) {
        record.set(Families.DNS_LOOKUP, r.lookupSeconds());
        record.set(Families.IP_PROTOCOL, r.protocol().number());
        record.set(Families.IP_HASH, r.hash());
      }
      return r;
    } catch (ProbeFailure f) {
      if (record != null) {
        record.set(Families.DNS_LOOKUP, (System.nanoTime() - started) / 1e9);
        record.set(Families.IP_PROTOCOL, 0);
        record.set(Families.IP_HASH, 0);
      }
      throw f;
    }
  }

  public static Resolution resolve(String host, IpProtocol preferred, boolean fallback,
      boolean allowLinkLocal, Deadline deadline, ProbeLog log) throws ProbeFailure {
    log.info("Resolving target address", "target", host, "ip_protocol",
        "ip" + preferred.number());
    long started = System.nanoTime();
    InetAddress[] all = lookup(host, deadline);
    double seconds = (System.nanoTime() - started) / 1e9;
    InetAddress chosen = null;
    InetAddress other = null;
    for (InetAddress a : all) {
      if (preferred.matches(a)) {
        chosen = a;
        break;
      }
      other = a;
    }
    if (chosen == null) {
      if (other == null || !fallback) {
        throw new ProbeFailure(FailureReason.DNS, "no " + preferred.name().toLowerCase()
            + " address for " + host + (fallback ? "" : " and ip_protocol_fallback is off"));
      }
      chosen = other;
    }
    log.info("Resolved target address", "target", host, "ip", chosen.getHostAddress());
    String refusal = allowLinkLocal ? null : AddressPolicy.refusal(chosen);
    if (refusal != null) {
      throw new ProbeFailure(FailureReason.BLOCKED, host + " resolves to a " + refusal
          + " (" + chosen.getHostAddress() + "); a module with allow_link_local: true may probe it");
    }
    return new Resolution(chosen, seconds);
  }

  private static InetAddress[] lookup(String host, Deadline deadline) throws ProbeFailure {
    if (isLiteral(host)) {
      try {
        return InetAddress.getAllByName(host);
      } catch (UnknownHostException e) {
        throw new ProbeFailure(FailureReason.DNS, "invalid address " + host);
      }
    }
    Future<InetAddress[]> future;
    try {
      future = LOOKUPS.submit(() -> InetAddress.getAllByName(host));
    } catch (RejectedExecutionException e) {
      throw new ProbeFailure(FailureReason.DNS, "too many name lookups in flight; " + host
          + " was not looked up");
    }
    try {
      return future.get(deadline.remainingMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new ProbeFailure(FailureReason.TIMEOUT, "the deadline passed while resolving "
          + host);
    } catch (ExecutionException e) {
      throw new ProbeFailure(FailureReason.DNS, "cannot resolve " + host + ": "
          + (e.getCause() instanceof UnknownHostException ? "no such host"
              : String.valueOf(e.getCause())));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProbeFailure(FailureReason.TIMEOUT, "interrupted while resolving " + host);
    }
  }

  /** An IP literal needs no lookup (and getAllByName does none for it). */
  public static boolean isLiteral(String host) {
    return host.indexOf(':') >= 0 || host.matches("[0-9.]+");
  }

  private static ThreadPoolExecutor lookupPool() {
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 10, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(256), r -> {
          Thread t = new Thread(r, "probe-dns-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}
