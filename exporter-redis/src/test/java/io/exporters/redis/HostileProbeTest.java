package io.exporters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.testkit.InProcessExporter;
import io.exporters.testkit.PrivateRedis;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * /scrape is open to anyone who reaches the port: the operator's password goes only where the
 * operator vouched for it, a caller's own password serves that caller only, bad requests are
 * a 400 with a reason that quotes no secret, and many callers cannot pass the connection cap.
 */
class HostileProbeTest {
  private static final String OPERATOR_PW = "operator-pw-31337";
  @TempDir
  Path dir;

  @Test
  void theOperatorsPasswordGoesOnlyWhereTheOperatorSentIt() throws Exception {
    try (PrivateRedis redis = PrivateRedis.start("--requirepass", OPERATOR_PW)) {
      Map<String, String> env = Map.of("REDIS_ADDR", "redis://127.0.0.1:1",
          "REDIS_PASSWORD", OPERATOR_PW);
      try (InProcessExporter e = InProcessExporter.start(new RedisExporter(), List.of(), env)) {
        // A caller-chosen server does not get the operator's password (AUTH never sent).
        assertThat(Scrapes.scrape(e, redis.url(), 3).value("redis_up")).isZero();
      }
      try (InProcessExporter e = InProcessExporter.start(new RedisExporter(),
          List.of("--redis.password-on-scrape-targets"), env)) {
        assertThat(Scrapes.scrape(e, redis.url(), 3).value("redis_up")).isEqualTo(1);
      }
      Map<String, String> same = Map.of("REDIS_ADDR", redis.url(), "REDIS_PASSWORD",
          OPERATOR_PW);
      try (InProcessExporter e = InProcessExporter.start(new RedisExporter(), List.of(),
          same)) {
        // The configured address itself, asked through /scrape.
        assertThat(Scrapes.scrape(e, redis.address(), 3).value("redis_up")).isEqualTo(1);
      }
    }
  }

  @Test
  void aPasswordFileEntryOrTheCallersOwnPasswordServeOnlyTheirTarget() throws Exception {
    try (PrivateRedis redis = PrivateRedis.start("--requirepass", "file-pw-42")) {
      Path file = dir.resolve("passwords.json");
      Files.writeString(file, "{\"" + redis.url() + "\": \"file-pw-42\"}");
      try (InProcessExporter e = InProcessExporter.start(new RedisExporter(), List.of(),
          Map.of("REDIS_ADDR", "", "REDIS_PASSWORD_FILE", file.toString()))) {
        assertThat(Scrapes.scrape(e, redis.url(), 3).value("redis_up")).isEqualTo(1);
      }
      try (InProcessExporter e = Scrapes.exporter()) {
        String own = "redis://:file-pw-42@" + redis.address();
        assertThat(Scrapes.scrape(e, own, 3).value("redis_up")).isEqualTo(1);
        // Its pooled, logged-in connection is not lent to a caller without the password.
        assertThat(Scrapes.scrape(e, redis.url(), 3).value("redis_up")).isZero();
        assertThat(Scrapes.get(e, own, 3).text()).doesNotContain("file-pw-42");
      }
    }
  }

  @Test
  void badRequestsAreA400WithAReasonAndNoSecret() throws Exception {
    try (InProcessExporter e = Scrapes.exporter()) {
      assertBad(e, "/scrape", "target");
      assertBad(e, "/scrape?target=" + enc("ftp://h"), "scheme");
      assertBad(e, "/scrape?target=" + enc("redis://:hush-hush@h:99999"), "port");
      assertBad(e, "/probe?target=" + enc("h:1/../../etc"), "database number");
      assertBad(e, "/scrape?target=h:1&check-keys=" + enc("a=b=c"), "check-keys");
      assertBad(e, "/scrape?target=h:1&count-keys=" + enc("x,".repeat(30)), "20 patterns");
      assertBad(e, "/scrape?target=h:1&tls_server_name=" + enc("a b"), "host name");
      assertBad(e, "/scrape?target=h:1&auth_module=nope", "auth_module");
      assertBad(e, "/scrape?target=" + enc("x".repeat(600)), "longer");
    }
  }

  @Test
  void manyCallersNeverHoldMoreThanTheConnectionCap() throws Exception {
    try (PrivateRedis redis = PrivateRedis.start(); InProcessExporter e = Scrapes.exporter();
        Jedis admin = redis.client()) {
      ExecutorService callers = Executors.newFixedThreadPool(30);
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        // Each asks for other checks: another identity, another pool.
        String params = "&count-keys=" + enc("caller" + i + ":*");
        answers.add(callers.submit(() -> e.get("/scrape?target=" + enc(redis.url()) + params,
            "X-Prometheus-Scrape-Timeout-Seconds", "5").status()));
      }
      for (Future<Integer> answer : answers) {
        assertThat(answer.get()).isEqualTo(200);
      }
      callers.shutdown();
      long ours = admin.clientList().lines().filter(l -> l.contains("name=redis_exporter"))
          .count();
      assertThat(ours).isBetween(1L, 10L);
    }
  }

  private static void assertBad(InProcessExporter e, String path, String reason)
      throws Exception {
    InProcessExporter.Response r = e.get(path);
    assertThat(r.status()).as(path).isEqualTo(400);
    assertThat(r.text()).as(path).contains(reason).doesNotContain("hush-hush");
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
