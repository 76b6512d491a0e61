package io.exporters.redis.client;

import io.exporters.common.backend.Version;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one target (one login to one server) can do, found once and shared by its connections:
 * version, mode, number of databases, and the admin commands it lacks or refuses. Commands
 * renamed away are found by COMMAND INFO, which fails nothing; a refusal (ACL NOPERM, a command
 * the server does not know) is learned from its first error. Either way the command is skipped
 * from then on, so the server's error counters and our logs stay quiet.
 */
public final class ServerFacts {
  private final Version version;
  private final String mode;
  private final String runId;
  private final int databases;
  private final long detectedNanos = System.nanoTime();
  private final Set<String> unavailable = ConcurrentHashMap.newKeySet();

  public ServerFacts(Version version, String mode, String runId, int databases,
      Set<String> missing) {
    this.version = version;
    this.mode = mode == null || mode.isEmpty() ? "standalone" : mode;
    this.runId = runId == null ? "" : runId;
    this.databases = databases;
    for (String command : missing) {
      unavailable.add(command.toLowerCase(Locale.ROOT));
    }
  }

  /** The server's version; null when INFO did not say. */
  public Version version() {
    return version;
  }

  /** {@code standalone}, {@code cluster} or {@code sentinel}. */
  public String mode() {
    return mode;
  }

  public boolean isSentinel() {
    return mode.equals("sentinel");
  }

  public boolean isCluster() {
    return mode.equals("cluster");
  }

  public String runId() {
    return runId;
  }

  /** Databases to pad the keyspace with: CONFIG's {@code databases}, 16 without it, 1 in a
   * cluster, none on a Sentinel (which has no keyspace). */
  public int databases() {
    return databases;
  }

  /** Whether the command ({@code latency}, or {@code latency|histogram}) may be sent. */
  public boolean allows(String command) {
    String c = command.toLowerCase(Locale.ROOT);
    int bar = c.indexOf('|');
    return !unavailable.contains(c) && (bar < 0 || !unavailable.contains(c.substring(0, bar)));
  }

  /** Marks the command unavailable; true the first time (to log it once). */
  public boolean refuse(String command) {
    return unavailable.add(command.toLowerCase(Locale.ROOT));
  }

  boolean olderThan(long nanos) {
    return System.nanoTime() - detectedNanos > nanos;
  }
}
