package io.exporters.common.toy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exporters.common.app.ExporterApp;
import io.exporters.testkit.InProcessExporter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An auth module's {@code allowed_targets}: a probe of another host is refused (403) before
 * anything is sent to it; a module with a password and no list is warned about at start and
 * marked on the landing page; a malformed pattern stops start-up naming its key.
 */
class AllowedTargetsTest {
  @TempDir Path dir;

  private Path config() throws Exception {
    Path f = dir.resolve("toy.yml");
    Files.writeString(f, String.join("\n",
        "auth_modules:",
        "  listed:",
        "    type: userpass",
        "    userpass: {username: u, password: listed-pw}",
        "    allowed_targets: ['good-*', 'also-this']",
        "  open:",
        "    type: userpass",
        "    userpass: {username: u, password: open-pw}",
        ""));
    return f;
  }

  @Test
  void aHostOutsideTheListIsRefusedBeforeAnythingIsSent() throws Exception {
    String good = "good-" + UUID.randomUUID().toString().substring(0, 6);
    String bad = "bad-" + UUID.randomUUID().toString().substring(0, 6);
    ToyBackend goodBackend = ToyBackend.fresh(good);
    ToyBackend badBackend = ToyBackend.fresh(bad);
    try (InProcessExporter e = InProcessExporter.start(new ToyExporter(),
        List.of("--config.file=" + config()), Map.of())) {
      assertThat(e.get("/probe?target=toy://" + good + "&auth_module=listed").status())
          .isEqualTo(200);
      InProcessExporter.Response refused =
          e.get("/probe?target=toy://" + bad + "&auth_module=listed");
      assertThat(refused.status()).isEqualTo(403);
      assertThat(refused.text()).contains("not in auth_module 'listed' allowed_targets")
          .doesNotContain("listed-pw");
      assertThat(goodBackend.calls("alpha")).isEqualTo(1);
      assertThat(badBackend.calls("alpha")).isZero();
      // Without a list, any host.
      assertThat(e.get("/probe?target=toy://" + bad + "&auth_module=open").status())
          .isEqualTo(200);
    }
  }

  @Test
  void anUnrestrictedPasswordIsWarnedAboutAndMarked() throws Exception {
    PrintStream stderr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    String landing;
    try (InProcessExporter e = InProcessExporter.start(new ToyExporter(),
        List.of("--config.file=" + config()), Map.of())) {
      landing = e.get("/").text();
    } finally {
      System.setErr(stderr);
    }
    String logs = captured.toString(StandardCharsets.UTF_8);
    assertThat(logs.lines().filter(l -> l.contains("no allowed_targets")))
        .singleElement().asString().contains("auth_module=open");
    assertThat(landing).contains("Auth modules", "listed: allowed targets good-*, also-this",
        "open: <strong class=\"warning\">warning: no allowed_targets");
  }

  @Test
  void aMalformedPatternStopsStartUpNamingTheKey() throws Exception {
    Path f = dir.resolve("bad.yml");
    Files.writeString(f, "auth_modules:\n  m:\n    type: userpass\n    userpass: {username: u,"
        + " password: p}\n    allowed_targets: ['db:notaport']\n");
    assertThatThrownBy(() -> ExporterApp.start(new ToyExporter(),
        List.of("--config.file=" + f, "--web.listen-address=127.0.0.1:0"), Map.of()).close())
        .hasMessage("config file " + f + ": key 'auth_modules.m.allowed_targets': 'notaport' is "
            + "not a port from 1 to 65535 or *");
  }
}
