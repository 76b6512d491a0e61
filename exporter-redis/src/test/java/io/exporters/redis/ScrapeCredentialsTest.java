package io.exporters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import io.exporters.testkit.PrivateRedis;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * What /scrape callers may get through credentials they did not give: an auth module's password
 * goes only to its allowed_targets, and the values of keys a request names need the operator's
 * --scrape-key-values unless the request gave the password itself.
 */
class ScrapeCredentialsTest {
  private static final String PASSWORD = "operator-pw-77";

  @Test
  void anAuthModulesPasswordGoesOnlyToItsAllowedTargets(@TempDir Path dir) throws Exception {
    try (PrivateRedis redis = PrivateRedis.start("--requirepass", PASSWORD);
        ServerSocket trap = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      Path config = dir.resolve("redis.yml");
      Files.writeString(config, String.join("\n",
          "auth_modules:",
          "  fenced:",
          "    type: userpass",
          "    userpass: {username: default, password: " + PASSWORD + "}",
          "    allowed_targets: ['127.0.0.1:" + redis.port() + "']",
          ""));
      StringBuilder received = new StringBuilder();
      Thread listener = record(trap, received);
      try (InProcessExporter e = Scrapes.exporter("--config.file=" + config)) {
        assertThat(Scrapes.scrape(e, redis.url(), 5, "auth_module", "fenced")
            .value("redis_up")).isEqualTo(1);
        InProcessExporter.Response refused = Scrapes.get(e,
            "redis://127.0.0.1:" + trap.getLocalPort(), 3, "auth_module", "fenced");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text()).contains("allowed_targets").doesNotContain(PASSWORD);
      }
      trap.close();
      listener.join(5000);
      assertThat(received.toString()).as("nothing was sent to the trap").isEmpty();
    }
  }

  /** Records whatever clients of {@code server} send, until it is closed. */
  private static Thread record(ServerSocket server, StringBuilder received) {
    Thread t = new Thread(() -> {
      while (!server.isClosed()) {
        try (Socket s = server.accept(); InputStream in = s.getInputStream()) {
          s.setSoTimeout(2000);
          ByteArrayOutputStream bytes = new ByteArrayOutputStream();
          in.transferTo(bytes);
          synchronized (received) {
            received.append(bytes.toString(StandardCharsets.UTF_8));
          }
        } catch (Exception ignored) {
          // Closed, or the client went away.
        }
      }
    });
    t.setDaemon(true);
    t.start();
    return t;
  }

  @Test
  void keyValuesThroughTheOperatorsLoginNeedTheOperatorsConsent() throws Exception {
    try (PrivateRedis redis = PrivateRedis.start("--requirepass", PASSWORD);
        Jedis admin = redis.client()) {
      admin.set("secret:token", "s3cr3t-value");
      admin.set("config:limit", "42");
      String[] configured = {"--redis.addr=" + redis.url(), "--redis.password=" + PASSWORD,
          "--check-single-keys=config:limit"};
      try (InProcessExporter e = InProcessExporter.start(new RedisExporter(),
          List.of(configured), Map.of())) {
        InProcessExporter.Response r = Scrapes.get(e, redis.url(), 5, "check-keys",
            "secret:*,config:*");
        assertThat(r.text()).doesNotContain("s3cr3t-value");
        Exposition m = r.exposition();
        assertThat(m.value("redis_key_size", "db", "db0", "key", "secret:token"))
            .isEqualTo(12);
        assertThat(m.names()).doesNotContain("redis_key_value_as_string");
        // The operator's own checks keep their values.
        assertThat(m.value("redis_key_value", "db", "db0", "key", "config:limit"))
            .isEqualTo(42);
        assertThat(e.scrape().value("redis_key_value", "db", "db0", "key", "config:limit"))
            .isEqualTo(42);

        // A caller who gives the password reads what it could read itself.
        Exposition own = Scrapes.scrape(e, "redis://:" + PASSWORD + "@" + redis.address(), 5,
            "check-keys", "secret:*");
        assertThat(own.value("redis_key_value_as_string", "db", "db0", "key", "secret:token",
            "val", "s3cr3t-value")).isEqualTo(1);
      }
      try (InProcessExporter e = InProcessExporter.start(new RedisExporter(),
          List.of(configured[0], configured[1], "--scrape-key-values"), Map.of())) {
        Exposition m = Scrapes.scrape(e, redis.url(), 5, "check-keys", "secret:*");
        assertThat(m.value("redis_key_value_as_string", "db", "db0", "key", "secret:token",
            "val", "s3cr3t-value")).isEqualTo(1);
      }
    }
  }
}
