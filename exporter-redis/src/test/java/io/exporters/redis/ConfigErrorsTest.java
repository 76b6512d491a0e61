package io.exporters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exporters.common.config.ConfigException;
import io.exporters.testkit.InProcessExporter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad configuration names the key and where it came from and stops start-up; redis_exporter's
 * own spellings of flags and variables are accepted.
 */
class ConfigErrorsTest {
  @TempDir
  Path dir;

  @Test
  void badValuesNameTheirKeyAndSource() {
    assertError(List.of("--redis.addr=http://x"), Map.of(), "flag --redis.addr",
        "redis_addr", "scheme");
    assertError(List.of(), Map.of("REDIS_ADDR", "redis://h:0"), "environment variable "
        + "REDIS_ADDR", "port");
    assertError(List.of("--check-keys=dbx=a*"), Map.of(), "flag --check-keys", "dbx");
    assertError(List.of("--compat=2.0"), Map.of(), "flag --compat", "1.45");
    assertError(List.of("--check-keys-batch-size=0"), Map.of(),
        "flag --check-keys-batch-size", "at least 1");
    assertError(List.of("--cluster-all-nodes"), Map.of(), "flag --cluster-all-nodes",
        "is_cluster");
    assertError(List.of("--config-command=CON FIG"), Map.of(), "flag --config-command");
    assertError(List.of("--tls-ca-cert-file=/nonexistent/ca.pem"), Map.of(),
        "flag --tls-ca-cert-file", "cannot read");
    assertError(List.of("--namespace=cache"), Map.of(), "flag --namespace", "fixed at start");
    assertError(List.of("--log-format=xml"), Map.of(), "flag --log-format", "txt or json");
  }

  @Test
  void featuresNotSupportedAreRefusedWithTheReason() {
    assertError(List.of("--is-tile38"), Map.of(), "is-tile38", "not supported");
    assertError(List.of("--check-key-groups=^(.*)$"), Map.of(), "check-key-groups",
        "--count-keys");
    assertError(List.of("--tls-server-cert-file=/x"), Map.of(), "--web.config.file");
  }

  @Test
  void aPasswordFileThatIsNotAMapNamesTheFileNotItsContents() throws Exception {
    Path file = dir.resolve("passwords");
    Files.writeString(file, "hunter2-plain-text\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> start(List.of(), Map.of("REDIS_PASSWORD_FILE", file.toString())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("environment variable REDIS_PASSWORD_FILE")
        .hasMessageContaining(file.toString()).hasMessageContaining("JSON")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void authModulesMayOnlyNameTheTlsServerName() throws Exception {
    Path config = dir.resolve("redis.yml");
    Files.writeString(config, "auth_modules:\n  prod:\n    type: userpass\n    userpass: "
        + "{username: u, password: p}\n    options: {sslmode: disable}\n");
    assertThatThrownBy(() -> start(List.of("--config.file=" + config), Map.of()))
        .hasMessageContaining("config file " + config)
        .hasMessageContaining("auth_modules.prod.options").hasMessageContaining("sslmode");
  }

  @Test
  void goStyleFlagsAndTheAnchorsLogFlagsAreAccepted() throws Exception {
    List<String> args = GoStyleArgs.normalize(List.of("-redis.addr=redis://127.0.0.1:1",
        "-debug", "-log-format=json", "-check-keys-batch-size=50", "-set-client-name=false",
        "-include-system-metrics", "-is-tile38=false", "-connection-timeout=2s"));
    try (InProcessExporter e = start(args, Map.of())) {
      String landing = e.get("/").text();
      assertThat(landing).contains("check_keys_batch_size").contains("json");
    }
  }

  @Test
  void aBadConfigExitsNonZeroWithTheReason() throws Exception {
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", System.getProperty("java.class.path"),
        RedisExporter.class.getName(), "-redis.addr=ftp://x", "--web.listen-address=:0")
        .redirectErrorStream(true).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(out).contains("flag --redis.addr").contains("redis_addr");
  }

  private static void assertError(List<String> args, Map<String, String> env,
      String... fragments) {
    assertThatThrownBy(() -> start(args, env)).isInstanceOf(ConfigException.class)
        .satisfies(e -> {
          for (String fragment : fragments) {
            assertThat(e.getMessage()).contains(fragment);
          }
        });
  }

  private static InProcessExporter start(List<String> args, Map<String, String> env)
      throws ConfigException {
    return InProcessExporter.start(new RedisExporter(), args, env);
  }
}
