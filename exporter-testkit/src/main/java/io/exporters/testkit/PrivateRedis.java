package io.exporters.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;

/**
 * A redis-server of the test's own, as a child process on a free loopback port with its files in
 * a temporary directory: for what must not be done to the shared server (replication, ACL users,
 * renamed commands, restarts, TLS, clusters, many keys). Closing it kills the process.
 */
public final class PrivateRedis implements AutoCloseable {
  public static final String SERVER = "/usr/bin/redis-server";

  private final int port;
  private final Path dir;
  private final List<String> args;
  private final String password;
  private final Path sentinelConfig;
  private Process process;

  private PrivateRedis(int port, Path dir, List<String> args, String password,
      Path sentinelConfig) {
    this.port = port;
    this.dir = dir;
    this.args = args;
    this.password = password;
    this.sentinelConfig = sentinelConfig;
  }

  /** Starts a server with extra {@code redis-server} arguments ({@code --requirepass x}...). */
  public static PrivateRedis start(String... extraArgs) throws Exception {
    return start(Backends.freePort(), extraArgs);
  }

  public static PrivateRedis start(int port, String... extraArgs) throws Exception {
    Path dir = Files.createTempDirectory("private-redis");
    List<String> args = new ArrayList<>(List.of(extraArgs));
    String password = null;
    for (int i = 0; i + 1 < args.size(); i++) {
      if (args.get(i).equals("--requirepass")) {
        password = args.get(i + 1);
      }
    }
    PrivateRedis redis = new PrivateRedis(port, dir, args, password, null);
    redis.launch();
    return redis;
  }

  /** A Sentinel watching {@code master} as {@code mymaster} (quorum 1). */
  public static PrivateRedis sentinel(PrivateRedis master) throws Exception {
    Path dir = Files.createTempDirectory("private-sentinel");
    Path config = dir.resolve("sentinel.conf");
    Files.writeString(config, "sentinel monitor mymaster 127.0.0.1 " + master.port() + " 1\n"
        + "sentinel down-after-milliseconds mymaster 5000\n");
    PrivateRedis sentinel = new PrivateRedis(Backends.freePort(), dir, List.of(), null, config);
    sentinel.launch();
    return sentinel;
  }

  private void launch() throws Exception {
    List<String> command = new ArrayList<>(List.of(SERVER));
    if (sentinelConfig != null) {
      command.addAll(List.of(sentinelConfig.toString(), "--sentinel"));
    }
    command.addAll(List.of("--port", Integer.toString(port), "--bind", "127.0.0.1",
        "--dir", dir.toString(), "--daemonize", "no", "--logfile",
        dir.resolve("redis.log").toString()));
    if (sentinelConfig == null) {
      command.addAll(List.of("--save", "", "--appendonly", "no"));
    }
    command.addAll(args);
    process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("stdout.log").toFile()).start();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < until) {
      if (!process.isAlive()) {
        throw new AssertionError("redis-server exited: " + log());
      }
      try (Jedis j = client()) {
        j.ping();
        return;
      } catch (RuntimeException notYet) {
        Thread.sleep(50);
      }
    }
    throw new AssertionError("redis-server did not answer on port " + port + ": " + log());
  }

  public int port() {
    return port;
  }

  public String address() {
    return "127.0.0.1:" + port;
  }

  public String url() {
    return "redis://" + address();
  }

  public Path dir() {
    return dir;
  }

  /** A client as the server's admin (with its requirepass, if any), sending no CLIENT SETINFO. */
  public Jedis client() {
    // No CLIENT SETINFO: Redis 7.0 answers it with an error, which tests count.
    JedisClientConfig config = DefaultJedisClientConfig.builder().password(password)
        .timeoutMillis(5000).clientSetInfoConfig(ClientSetInfoConfig.DISABLED).build();
    return new Jedis(new HostAndPort("127.0.0.1", port), config);
  }

  /** Kills the process (the port is free again when this returns). */
  public void stop() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Starts the same server again on the same port. */
  public void restart() throws Exception {
    stop();
    launch();
  }

  String log() throws IOException {
    Path log = dir.resolve("redis.log");
    return Files.exists(log) ? Files.readString(log) : Files.readString(dir.resolve("stdout.log"));
  }

  @Override
  public void close() {
    stop();
  }
}
