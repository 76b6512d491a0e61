package io.exporters.testkit;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * PostgreSQL and Redis from Testcontainers, for a machine with a container engine and neither
 * service: the images Compose pins, one container of each per test JVM, stopped when it exits.
 * The engine is whatever Testcontainers finds (DOCKER_HOST, Docker's socket); where DOCKER_HOST
 * names a Unix socket nobody serves and podman is installed, podman's Docker-compatible service
 * is started there, on the stand-in images (no registry is reachable here).
 */
public final class Containers {
  static final String POSTGRES_IMAGE = "postgres:15.14";
  static final String REDIS_IMAGE = "redis:7.0.15";

  private static GenericContainer<?> postgres;
  private static GenericContainer<?> redis;
  private static Process podmanService;

  private Containers() {}

  /** A PostgreSQL 15 with trust authentication and a database {@code test}. */
  public static synchronized Backends.Endpoint postgres() {
    if (postgres == null) {
      postgres = start(new GenericContainer<>(DockerImageName.parse(POSTGRES_IMAGE))
          .withEnv("POSTGRES_HOST_AUTH_METHOD", "trust").withEnv("POSTGRES_DB", "test")
          .withExposedPorts(5432)
          .waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*",
              1).withStartupTimeout(Duration.ofSeconds(60))));
    }
    return new Backends.Endpoint(postgres.getHost(), postgres.getMappedPort(5432));
  }

  /** A Redis 7 without a password. */
  public static synchronized Backends.Endpoint redis() {
    if (redis == null) {
      redis = start(new GenericContainer<>(DockerImageName.parse(REDIS_IMAGE))
          .withExposedPorts(6379).waitingFor(Wait.forListeningPort()));
    }
    return new Backends.Endpoint(redis.getHost(), redis.getMappedPort(6379));
  }

  private static GenericContainer<?> start(GenericContainer<?> container) {
    engine();
    try {
      container.start();
    } catch (RuntimeException e) {
      throw new AssertionError("Testcontainers could not start " + container.getDockerImageName()
          + ": " + e.getMessage(), e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "container-stop"));
    return container;
  }

  /** Makes sure Testcontainers has an engine to talk to, or says why there is none. */
  private static void engine() {
    String host = System.getenv("DOCKER_HOST");
    boolean podman = Files.isExecutable(Path.of("/usr/bin/podman"));
    if (host != null && host.startsWith("unix://") && podman) {
      Path socket = Path.of(host.substring("unix://".length()));
      try {
        Podman p = StandIns.ensure();
        if (!Files.exists(socket)) {
          startPodmanService(p, socket);
        }
      } catch (Exception e) {
        throw new AssertionError("cannot start podman's service at " + socket + ": " + e, e);
      }
    }
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      throw new AssertionError("no container engine for Testcontainers: set DOCKER_HOST (or "
          + "start Docker), or give TEST_PG_HOST/TEST_REDIS_HOST, or start the local services "
          + "(.ci/services)");
    }
  }

  private static void startPodmanService(Podman p, Path socket) throws Exception {
    Files.createDirectories(socket.getParent());
    List<String> command = new ArrayList<>(List.of("podman", "system", "service", "--time=0",
        "unix://" + socket));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(socket.resolveSibling("podman-service.log").toFile());
    pb.environment().put("CONTAINERS_CONF", p.conf().toString());
    podmanService = pb.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      podmanService.destroy();
      try {
        podmanService.waitFor(10, TimeUnit.SECONDS);
        Files.deleteIfExists(socket);
      } catch (Exception ignored) {
        // Gone with the JVM either way.
      }
    }, "podman-service-stop"));
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!Files.exists(socket) && System.nanoTime() < until) {
      if (!podmanService.isAlive()) {
        throw new AssertionError("podman system service exited: "
            + Files.readString(socket.resolveSibling("podman-service.log")));
      }
      Thread.sleep(50);
    }
  }

  /** Whether something accepts TCP connections at host:port within 2 s. */
  static boolean answers(String host, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 2000);
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
