package io.exporters.common.toy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exporters.common.app.ExporterApp;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POST /-/reload keeps a running config when the new one is bad; secrets never show. */
class ReloadAndSecretsTest {
  @TempDir Path dir;

  @Test
  void reloadAppliesAGoodFileAndKeepsTheOldOneOnABadFile() throws Exception {
    String name = "r" + UUID.randomUUID().toString().substring(0, 8);
    ToyBackend.fresh(name);
    Path config = dir.resolve("toy.yml");
    Files.writeString(config, "backend: " + name + "\n");
    try (InProcessExporter e = InProcessExporter.start(new ToyExporter(),
        List.of("--config.file=" + config), Map.of())) {
      assertThat(e.scrape().names()).doesNotContain("toy_cached_calls");

      Files.writeString(config, "backend: " + name + "\ncollectors:\n  cached: true\n");
      InProcessExporter.Response ok = e.post("/-/reload");
      assertThat(ok.status()).isEqualTo(200);
      Exposition reloaded = e.scrape();
      assertThat(reloaded.names()).contains("toy_cached_calls");
      assertThat(reloaded.value("toy_exporter_config_last_reload_successful")).isEqualTo(1);

      Files.writeString(config, "backend: " + name + "\ncollectors:\n  nope: true\n");
      InProcessExporter.Response bad = e.post("/-/reload");
      assertThat(bad.status()).isEqualTo(500);
      assertThat(bad.text()).contains("unknown collector 'nope'", config.toString());
      Exposition kept = e.scrape();
      assertThat(kept.value("toy_exporter_config_last_reload_successful")).isEqualTo(0);
      assertThat(kept.names()).contains("toy_cached_calls");
      assertThat(kept.value("toy_up")).isEqualTo(1);
    }
  }

  @Test
  void secretsStayOutOfLandingPageErrorsAndMetrics() throws Exception {
    String password = "s3cret-" + UUID.randomUUID();
    Path passwordFile = dir.resolve("pw");
    Files.writeString(passwordFile, password + "\n");
    Path config = dir.resolve("toy.yml");
    Files.writeString(config, "backend: sec\nauth_modules:\n  prod:\n    type: userpass\n"
        + "    userpass:\n      username: monitor\n      password_file: " + passwordFile + "\n");
    String envPassword = "envpw-" + UUID.randomUUID();
    try (InProcessExporter e = InProcessExporter.start(new ToyExporter(),
        List.of("--config.file=" + config), Map.of("TOY_PASSWORD", envPassword))) {
      String landing = e.get("/").text();
      assertThat(landing).contains("monitor", "&lt;secret&gt;")
          .doesNotContain(password, envPassword);
      String metrics = e.get("/metrics").text();
      assertThat(metrics).doesNotContain(password, envPassword);
      InProcessExporter.Response probe =
          e.get("/probe?target=toy://" + password + "&auth_module=prod");
      assertThat(probe.text()).doesNotContain(password);
      InProcessExporter.Response bad = e.get("/probe?target=" + password + "&auth_module=prod");
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.text()).doesNotContain(password).contains("<secret>");
    }
  }

  @Test
  void aRelativePasswordFileIsReadFromTheConfigFilesDirectory() throws Exception {
    Path configDir = Files.createDirectories(dir.resolve("etc/exporter/config"));
    Files.createDirectories(dir.resolve("etc/exporter/secrets"));
    Files.writeString(dir.resolve("etc/exporter/secrets/pw"), "relative-pw\n");
    Path config = configDir.resolve("toy.yml");
    Files.writeString(config, "auth_modules:\n  prod:\n    type: userpass\n    userpass:\n"
        + "      username: monitor\n      password_file: ../secrets/pw\n");
    try (ExporterApp<?, ?> app = ExporterApp.start(new ToyExporter(),
        List.of("--config.file=" + config, "--web.listen-address=127.0.0.1:0"), Map.of())) {
      assertThat(app).isNotNull();
    }
    Files.writeString(config, "auth_modules:\n  prod:\n    type: userpass\n    userpass:\n"
        + "      username: monitor\n      password_file: secrets/missing\n");
    assertThatThrownBy(() -> ExporterApp.start(new ToyExporter(),
        List.of("--config.file=" + config, "--web.listen-address=127.0.0.1:0"), Map.of()))
        .hasMessageContaining("cannot read " + configDir.resolve("secrets/missing"));
  }
}
