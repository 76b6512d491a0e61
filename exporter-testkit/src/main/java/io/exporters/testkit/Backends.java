package io.exporters.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Where integration tests find their backends: environment variables first, the local services
 * second, Testcontainers third ({@link Containers}: a machine with a container engine and
 * neither service). A backend that cannot be had fails the test with a message saying how to
 * provide one, never a silent skip.
 */
public final class Backends {
  private Backends() {}

  /** PostgreSQL: {@code TEST_PG_HOST}, {@code TEST_PG_PORT}, {@code TEST_PG_USER}, database test. */
  public static Endpoint postgres() {
    String hint = "set TEST_PG_HOST/TEST_PG_PORT, or start it: pg_ctlcluster "
        + "--skip-systemctl-redirect $(ls /etc/postgresql) main start, or give Testcontainers "
        + "an engine (DOCKER_HOST)";
    if (System.getenv("TEST_PG_HOST") != null || System.getenv("TEST_PG_PORT") != null) {
      return require("PostgreSQL", env("TEST_PG_HOST", "127.0.0.1"),
          Integer.parseInt(env("TEST_PG_PORT", "5432")), hint);
    }
    if (Containers.answers("127.0.0.1", 5432)) {
      return new Endpoint("127.0.0.1", 5432);
    }
    try {
      return Containers.postgres();
    } catch (AssertionError e) {
      throw new AssertionError("PostgreSQL answers on neither TEST_PG_HOST nor 127.0.0.1:5432, "
          + "and " + e.getMessage() + "; " + hint, e);
    }
  }

  public static String postgresUser() {
    return env("TEST_PG_USER", "postgres");
  }

  /** Redis: {@code TEST_REDIS_HOST}, {@code TEST_REDIS_PORT}. */
  public static Endpoint redis() {
    String hint = "set TEST_REDIS_HOST/TEST_REDIS_PORT, or start it: redis-server --daemonize "
        + "yes --bind 127.0.0.1 --port 6379 --save \"\" --appendonly no, or give "
        + "Testcontainers an engine (DOCKER_HOST)";
    if (System.getenv("TEST_REDIS_HOST") != null || System.getenv("TEST_REDIS_PORT") != null) {
      return require("Redis", env("TEST_REDIS_HOST", "127.0.0.1"),
          Integer.parseInt(env("TEST_REDIS_PORT", "6379")), hint);
    }
    if (Containers.answers("127.0.0.1", 6379)) {
      return new Endpoint("127.0.0.1", 6379);
    }
    try {
      return Containers.redis();
    } catch (AssertionError e) {
      throw new AssertionError("Redis answers on neither TEST_REDIS_HOST nor 127.0.0.1:6379, "
          + "and " + e.getMessage() + "; " + hint, e);
    }
  }

  /** A loopback port free right now (for a private backend process or a closed-port test). */
  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port", e);
    }
  }

  private static Endpoint require(String what, String host, int port, String hint) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 2000);
    } catch (IOException e) {
      throw new AssertionError(what + " is not reachable at " + host + ":" + port + " ("
          + e.getMessage() + "); " + hint);
    }
    return new Endpoint(host, port);
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  public record Endpoint(String host, int port) {
    public String address() {
      return host + ":" + port;
    }
  }
}
