package io.exporters.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exporters.common.server.ProbeRequest;
import io.exporters.testkit.Backends;
import io.exporters.testkit.InProcessExporter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What /probe accepts as a target: a URI, key=value pairs or a bare host:port/db; only the
 * allowed connection options; host and port always as given; no error quotes a password.
 */
class ProbeTargetsTest {
  private static PostgresDsn probe(String target) {
    return PostgresDsn.parse(target, PostgresDsn.Origin.PROBE);
  }

  @Test
  void aBareAddressWithOptionsIsAUriNotKeyValue() {
    PostgresDsn d = probe("127.0.0.1:29599/postgres?sslmode=disable");
    assertThat(d.address()).isEqualTo("127.0.0.1:29599/postgres");
    assertThat(d.params()).containsEntry("sslmode", "disable");
  }

  @Test
  void keyValueNeedsAHostFromProbeAndTakesQuotedValues() {
    assertThatThrownBy(() -> probe("port=5432 dbname=x")).hasMessageContaining("host");
    PostgresDsn d = probe("host=db port=6000 user=mon password='s3 cr\\'et' dbname=app");
    assertThat(d.address()).isEqualTo("db:6000/app");
    assertThat(d.password().reveal()).isEqualTo("s3 cr'et");
  }

  @Test
  void onlyAllowedConnectionOptionsPass() {
    for (String target : List.of(
        "postgresql://db/x?socketFactory=org.example.Evil",
        "postgresql://db/x?options=-c%20lock_timeout%3D0",
        "host=db options='-c lock_timeout=0'",
        "postgresql://db/x?sslfactory=x",
        "postgresql://db/x?host=other")) {
      assertThatThrownBy(() -> probe(target)).as(target)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(probe("postgresql://db/x?sslmode=require&application_name=a&connect_timeout=3")
        .params()).containsOnlyKeys("sslmode", "application_name", "connect_timeout");
    assertThatThrownBy(() -> probe("postgresql://db/x?sslmode=bogus"))
        .hasMessageContaining("sslmode");
  }

  @Test
  void errorsNeverQuoteAPassword() {
    for (String target : List.of(
        "host=db password=open sesame user=mon",
        "host=db password='open sesame",
        "postgresql://mon:open-sesame@db:notaport/x",
        "postgresql://mon:open-sesame/x",
        "postgresql://mon:open%ZZsesame@db/x")) {
      assertThatThrownBy(() -> probe(target)).as(target)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("open", "sesame"));
    }
  }

  @Test
  void equivalentTargetsAreOneIdentity() throws Exception {
    var a = probeKey("db:5432/app");
    var b = probeKey("postgresql://db:5432/app");
    var c = probeKey("host=db port=5432 dbname=app");
    var d = probeKey("postgresql://db/app?sslmode=prefer");
    assertThat(a).isEqualTo(b).isEqualTo(c).isEqualTo(d);
  }

  private static io.exporters.common.backend.TargetKey probeKey(String target)
      throws Exception {
    PostgresExporter exporter = new PostgresExporter();
    var loader = new io.exporters.common.config.ConfigLoader<>(exporter.configSchema());
    var config = loader.load(loader.parseArgs(List.of()), Map.of());
    return exporter.probeTarget(new ProbeRequest(target, null, Map.of()), config).key();
  }

  @Test
  void overHttpBadTargetsAre400WithAReasonAndHostsComeFromTheCaller() throws Exception {
    int closed = Backends.freePort();
    try (InProcessExporter e = InProcessExporter.start(new PostgresExporter(), List.of(),
        Map.of())) {
      InProcessExporter.Response wrongServer = e.get("/probe?target=" + URLEncoder.encode(
          "127.0.0.1:" + closed + "/postgres?sslmode=disable", StandardCharsets.UTF_8),
          "X-Prometheus-Scrape-Timeout-Seconds", "2");
      assertThat(wrongServer.status()).isEqualTo(200);
      assertThat(wrongServer.exposition().value("pg_up")).isZero();

      InProcessExporter.Response evil = e.get("/probe?target=" + URLEncoder.encode(
          "postgresql://db/x?socketFactory=org.example.Evil", StandardCharsets.UTF_8));
      assertThat(evil.status()).isEqualTo(400);
      assertThat(evil.text()).contains("socketFactory", "not allowed");

      InProcessExporter.Response spaced = e.get("/probe?target=" + URLEncoder.encode(
          "host=127.0.0.1 password=open sesame", StandardCharsets.UTF_8));
      assertThat(spaced.status()).isEqualTo(400);
      assertThat(spaced.text()).doesNotContain("open", "sesame");
    }
  }
}
