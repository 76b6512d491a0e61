package io.exporters.common.server;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;

/**
 * What the HTTP server may take, fixed at start: /probe requests at once, and HTTP connections at
 * once, from the process's file descriptor limit less what the rest of it needs (its own files
 * and the backend connections), so that a burst of clients waits to be accepted instead of
 * leaving no descriptor for a backend connection or /proc.
 */
public record ServerLimits(int maxConcurrentProbes, int httpConnections) {
  /** Descriptors of the process besides connections: jars, logs, selectors, /proc, pipes. */
  static final int RESERVED_FDS = 24;
  static final int MIN_HTTP_CONNECTIONS = 8;

  /** For this process: {@code backendConnections} is the most it may open to backends. */
  public static ServerLimits of(int maxConcurrentProbes, int backendConnections) {
    long maxFds = -1;
    if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix) {
      maxFds = unix.getMaxFileDescriptorCount();
    }
    return new ServerLimits(maxConcurrentProbes, httpConnections(maxFds, backendConnections));
  }

  /** {@code maxFds} less the reserve and the backends'; no limit (MAX_VALUE) when unknown. */
  static int httpConnections(long maxFds, int backendConnections) {
    if (maxFds <= 0) {
      return Integer.MAX_VALUE;
    }
    long room = maxFds - RESERVED_FDS - backendConnections;
    return (int) Math.max(MIN_HTTP_CONNECTIONS, Math.min(Integer.MAX_VALUE, room));
  }
}
