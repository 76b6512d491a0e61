package io.exporters.common.toy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exporters.common.app.ExporterApp;
import io.exporters.common.config.ConfigException;
import io.exporters.testkit.InProcessExporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of bad configuration stops start-up with a message naming the key and its source. */
class ConfigErrorsTest {
  @TempDir Path dir;

  private ConfigException fails(Map<String, String> env, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    if (all.stream().noneMatch(a -> a.startsWith("--web.listen-address"))) {
      all.add("--web.listen-address=127.0.0.1:0");
    }
    try {
      ExporterApp.start(new ToyExporter(), all, env).close();
    } catch (ConfigException e) {
      return e;
    }
    throw new AssertionError("expected a config error for " + all);
  }

  private Path file(String name, String yaml) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, yaml);
    return p;
  }

  @Test
  void unknownKeyNamesFileAndKey() throws Exception {
    Path f = file("a.yml", "scrape:\n  timout: 5s\n");
    assertThat(fails(Map.of(), "--config.file=" + f).getMessage())
        .isEqualTo("config file " + f + ": unknown key 'scrape.timout' (known keys here: "
            + "connection_idle_timeout, default_timeout, max_concurrent_probes, max_connections, "
            + "max_connections_per_target, max_probe_connections, "
            + "target_idle_timeout, timeout, timeout_margin)");
  }

  @Test
  void unknownTopLevelKeyListsAllKnownKeys() throws Exception {
    Path f = file("a.yml", "bakend: x\n");
    assertThat(fails(Map.of(), "--config.file=" + f).getMessage())
        .startsWith("config file " + f + ": unknown key 'bakend'")
        .contains("auth_modules", "backend", "collectors", "scrape");
  }

  @Test
  void wrongTypeNamesKeyAndValue() throws Exception {
    Path f = file("a.yml", "scrape:\n  max_connections_per_target: lots\n");
    assertThat(fails(Map.of(), "--config.file=" + f).getMessage()).isEqualTo("config file " + f
        + ": key 'scrape.max_connections_per_target': expected a whole number, got 'lots'");
  }

  @Test
  void badDurationNamesKey() throws Exception {
    Path f = file("a.yml", "collectors:\n  cached:\n    ttl: soon\n");
    assertThat(fails(Map.of(), "--config.file=" + f).getMessage()).isEqualTo("config file " + f
        + ": key 'collectors.cached.ttl': expected a duration such as 10s, 1m30s or 500ms, "
        + "got 'soon'");
  }

  @Test
  void mapWhereStringExpected() throws Exception {
    Path f = file("a.yml", "backend:\n  name: x\n");
    assertThat(fails(Map.of(), "--config.file=" + f).getMessage()).isEqualTo("config file " + f
        + ": key 'backend': expected a string, got a map");
  }

  @Test
  void unreadableFile() {
    Path missing = dir.resolve("missing.yml");
    assertThat(fails(Map.of(), "--config.file=" + missing).getMessage())
        .isEqualTo("cannot read config file " + missing + ": no such file");
  }

  @Test
  void invalidYamlGivesLine() throws Exception {
    Path f = file("a.yml", "scrape:\n  timeout: [1s\n");
    assertThat(fails(Map.of(), "--config.file=" + f).getMessage())
        .startsWith("config file " + f + ": invalid YAML at line");
  }

  @Test
  void unknownCollectorInFileAndInFlag() throws Exception {
    Path f = file("a.yml", "collectors:\n  gamma: true\n");
    assertThat(fails(Map.of(), "--config.file=" + f).getMessage())
        .isEqualTo("config file " + f + ": unknown collector 'gamma' (known: alpha, slow, broken,"
            + " cached, dupes, modern, wide, histo)");
    assertThat(fails(Map.of(), "--collector.gamma").getMessage())
        .startsWith("flag --collector.gamma: unknown collector 'gamma'");
    assertThat(fails(Map.of(), "--no-collector.gamma").getMessage())
        .startsWith("flag --no-collector.gamma: unknown collector 'gamma'");
  }

  @Test
  void unknownCollectorOption() {
    assertThat(fails(Map.of(), "--collector.alpha.limit=5").getMessage())
        .isEqualTo("flag --collector.alpha.limit: unknown key 'collectors.alpha.limit' "
            + "(collector 'alpha' takes: enabled, ttl, timeout)");
  }

  @Test
  void unknownFlag() {
    assertThat(fails(Map.of(), "--web.listen-adress=:1").getMessage())
        .isEqualTo("unknown flag --web.listen-adress (run with --help to list flags)");
  }

  @Test
  void badValueFromEnvironmentNamesTheVariable() {
    assertThat(fails(Map.of("TOY_EXPORTER_LOG_LEVEL", "loud")).getMessage())
        .isEqualTo("environment variable TOY_EXPORTER_LOG_LEVEL: key 'log.level': unknown level "
            + "'loud' (use debug, info, warn, error)");
  }

  @Test
  void badFlagValueNamesTheFlag() {
    assertThat(fails(Map.of(), "--scrape.timeout=forever").getMessage())
        .isEqualTo("flag --scrape.timeout: key 'scrape.timeout': expected a duration such as "
            + "10s, 1m30s or 500ms, got 'forever'");
    assertThat(fails(Map.of(), "--web.listen-address=nowhere").getMessage())
        .isEqualTo("flag --web.listen-address: key 'web.listen_address': 'nowhere' is not "
            + "host:port or :port");
  }

  @Test
  void exporterValidatorNamesSource() throws Exception {
    assertThat(fails(Map.of("TOY_BACKEND", "a b")).getMessage())
        .isEqualTo("environment variable TOY_BACKEND: key 'backend': must not contain spaces");
  }

  @Test
  void authModuleWithoutPassword() throws Exception {
    Path f = file("a.yml", "auth_modules:\n  m1:\n    type: userpass\n    userpass:\n"
        + "      username: u\n");
    assertThat(fails(Map.of(), "--config.file=" + f).getMessage()).isEqualTo("config file " + f
        + ": key 'auth_modules.m1.userpass.password' (or password_file) is required");
  }

  @Test
  void laterSourcesOverrideEarlier() throws Exception {
    Path f = file("a.yml", "backend: fromfile\n");
    try (InProcessExporter e = InProcessExporter.start(new ToyExporter(),
        List.of("--config.file=" + f, "--toy.backend=fromflag"), Map.of("TOY_BACKEND", "env"))) {
      assertThat(e.app().defaultTargets().get(0).address())
          .isEqualTo("toy://fromflag");
    }
    try (InProcessExporter e = InProcessExporter.start(new ToyExporter(),
        List.of("--config.file=" + f), Map.of("TOY_BACKEND", "env"))) {
      assertThat(e.app().defaultTargets().get(0).address()).isEqualTo("toy://env");
    }
  }

  @Test
  void badConfigExitsNonZeroWithTheMessage() throws Exception {
    Path f = file("bad.yml", "scrape:\n  timout: 5s\n");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", System.getProperty("java.class.path"), ToyExporter.class.getName(),
        "--config.file=" + f, "--web.listen-address=127.0.0.1:0")
        .redirectErrorStream(true).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(p.getInputStream().readAllBytes());
    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(output).contains("unknown key 'scrape.timout'", f.toString());
  }
}
