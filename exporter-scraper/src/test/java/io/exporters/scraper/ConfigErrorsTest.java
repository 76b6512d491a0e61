package io.exporters.scraper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exporters.common.app.ExporterApp;
import io.exporters.common.config.ConfigException;
import io.exporters.scraper.support.Scraper;
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
 * A bad configuration stops start-up with the key and where it came from; the process exits
 * non-zero. Debian's own blackbox.yml (with dns, icmp and grpc modules) loads as it is.
 */
class ConfigErrorsTest {
  private static String error(Path dir, String yaml) throws Exception {
    Path file = Files.writeString(dir.resolve("bad.yml"), yaml);
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> ExporterApp.start(
        new ScraperExporter(), List.of("--config.file=" + file,
            "--web.listen-address=127.0.0.1:0"), Map.of()).close());
    assertThat(t).isInstanceOf(ConfigException.class);
    assertThat(t.getMessage()).contains(file.toString());
    return t.getMessage();
  }

  @Test
  void badValuesNameTheirKeyAndFile(@TempDir Path dir) throws Exception {
    assertThat(error(dir, "modules: {m: {prober: http, http: {fail_if_body_matchs_regexp: [x]}}}"))
        .contains("unknown key 'modules.m.http.fail_if_body_matchs_regexp'",
            "fail_if_body_matches_regexp");
    assertThat(error(dir, "modules: {m: {prober: http, http: {fail_if_body_matches_regexp: "
        + "['(unclosed']}}}")).contains("key 'modules.m.http.fail_if_body_matches_regexp[0]'",
            "invalid regular expression");
    assertThat(error(dir, "modules: {m: {prober: htp}}")).contains("key 'modules.m.prober'",
        "unknown prober 'htp'");
    assertThat(error(dir, "modules: {m: {prober: http}, n: {timeout: 5s}}"))
        .contains("key 'modules.n.prober'", "missing");
    assertThat(error(dir, "modules: {m: {prober: http, timeout: 5 seconds}}"))
        .contains("modules.m.timeout");
    assertThat(error(dir, "modules: {m: {prober: http, http: {tls_config: {ca_file: "
        + dir.resolve("nope.pem") + "}}}}")).contains("key 'modules.m.http.tls_config'",
            "no such file");
    assertThat(error(dir, "modules: {m: {prober: http, http: {body_size_limit: 10 furlongs}}}"))
        .contains("modules.m.http.body_size_limit");
    assertThat(error(dir, "modules: {m: {prober: tcp, json: {metrics: []}}}"))
        .contains("key 'modules.m.json'", "prober: http");
    assertThat(error(dir, "modules: {m: {prober: http, json: {metrics: [{name: 'bad name', "
        + "path: $.a}]}}}")).contains("key 'modules.m.json.metrics[0].name'");
    assertThat(error(dir, "modules: {m: {prober: http, json: {metrics: [{name: a, "
        + "path: '$.a[?(@.x =='}]}}}")).contains("key 'modules.m.json.metrics[0].path'");
    assertThat(error(dir, "modules: {m: {prober: http, health: {format: soap}}}"))
        .contains("key 'modules.m.health.format'", "unknown health format 'soap'");
    assertThat(error(dir, "targets: [ftp://example.com/]"))
        .contains("key 'targets[0]'", "http:// and https://");
    assertThat(error(dir, "targets: [{target: 'http://x/', module: nope}]"))
        .contains("key 'targets[0].module'", "unknown module 'nope'");
    assertThat(error(dir, "probes: {concurrency: 0}")).contains("key 'probes.concurrency'");
    assertThat(error(dir, "modules: {m: {prober: http, http: {headers: {'Bad Name': x}}}}"))
        .contains("key 'modules.m.http.headers.Bad Name'", "not a valid header");
    assertThat(error(dir, "modules: {m: {prober: http, http: {valid_status_codes: [200, ~]}}}"))
        .contains("key 'modules.m'", "an empty value");
    assertThat(error(dir, "modules: {m: {prober: http, http: {basic_auth: {username: u, "
        + "password: hunter2-secret}, bearer_token: also-secret}}}"))
        .contains("modules.m.http.basic_auth").doesNotContain("hunter2-secret", "also-secret");
  }

  @Test
  void theEnvironmentIsNamedWhenItIsToBlame() {
    assertThatThrownBy(() -> InProcessExporter.start(new ScraperExporter(), List.of(),
        Map.of("SCRAPER_TARGETS", "http://ok.example/,gopher://old.example/")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("environment variable SCRAPER_TARGETS")
        .hasMessageContaining("targets[1]");
  }

  @Test
  void theProcessExitsNonZeroWithTheReason(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("bad.yml"),
        "modules:\n  m:\n    prober: http\n    http: {method: 'GET POST'}\n");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", System.getProperty("java.class.path"),
        ScraperExporter.class.getName(), "--config.file=" + file,
        "--web.listen-address=127.0.0.1:0").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isEqualTo(2);
    assertThat(out).contains(file.toString(), "modules.m.http.method");
  }

  @Test
  void debiansBlackboxYmlLoadsAsItIs(@TempDir Path dir) throws Exception {
    String debian = new String(getClass().getResourceAsStream("/debian-blackbox.yml")
        .readAllBytes(), StandardCharsets.UTF_8);
    try (InProcessExporter e = Scraper.start(dir, debian)) {
      InProcessExporter.Response icmp = e.get(Scraper.probe("127.0.0.1", "icmp"));
      assertThat(icmp.status()).isEqualTo(400);
      assertThat(icmp.text()).contains("prober icmp", "does not implement");
      assertThat(e.get(Scraper.probe("127.0.0.1:1", "ssh_banner")).status()).isEqualTo(200);
      assertThat(e.get(Scraper.probe("http://127.0.0.1:1/", "http_post_2xx")).status())
          .isEqualTo(200);
    }
  }
}
