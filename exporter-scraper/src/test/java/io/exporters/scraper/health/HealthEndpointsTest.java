package io.exporters.scraper.health;

import static io.exporters.scraper.support.TestHttpServer.answer;
import static io.exporters.scraper.support.TestHttpServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.scraper.support.Scraper;
import io.exporters.scraper.support.TestHttpServer;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped {@code health} module against a server answering in every format it knows, on the
 * paths services use: each format detected, components as one-hot states in the format's words,
 * the normalised number, the values the format carries, and unhealthy answers failing the probe.
 */
class HealthEndpointsTest {
  static final String IETF = """
      {"status": "warn", "version": "1", "releaseId": "1.2.2",
       "checks": {
         "cassandra:responseTime": [{"componentId": "dfd6", "componentType": "datastore",
           "observedValue": 250, "observedUnit": "ms", "status": "pass"}],
         "cpu:utilization": [
           {"componentId": "6fd4", "node": 1, "observedValue": 85, "observedUnit": "percent",
            "status": "warn"},
           {"componentId": "6fd4", "node": 2, "observedValue": 85, "observedUnit": "percent",
            "status": "warn"}],
         "uptime": [{"componentType": "system", "observedValue": 1209600.245,
           "observedUnit": "s", "status": "pass"}]}}
      """;
  static final String SPRING = """
      {"status": "UP", "components": {
        "broker": {"status": "UP", "components": {
          "us1": {"status": "UP", "details": {"version": "1.0.2"}},
          "us2": {"status": "UP", "details": {"version": "1.0.4"}}}},
        "db": {"status": "UP", "details": {"database": "H2", "validationQuery": "isValid()"}},
        "diskSpace": {"status": "UP", "details": {"total": 76887154688, "free": 49923645440,
          "threshold": 10485760, "path": "/app/.", "exists": true}},
        "ping": {"status": "UP"}}}
      """;
  static final String SPRING_DOWN = """
      {"status": "DOWN", "components": {"db": {"status": "DOWN",
        "details": {"error": "Connection refused"}}, "ping": {"status": "UP"}}}
      """;
  static final String MICROPROFILE = """
      {"status": "DOWN", "checks": [
        {"name": "example.health.FirstCheck", "status": "DOWN",
         "data": {"rootCause": "timed out waiting for available connection", "waited": 30}},
        {"name": "secondCheck", "status": "UP"}]}
      """;
  static final String MICROPROFILE_1 = """
      {"outcome": "UP", "checks": [{"name": "myCheck", "state": "UP",
        "data": {"key": "value", "count": 3}}]}
      """;

  private static TestHttpServer server;

  @BeforeAll
  static void serve() throws Exception {
    server = TestHttpServer.http()
        .route("/health", json(200,
            "{\"status\":\"healthy\",\"services\":{\"database\":\"healthy\",\"redis\":\"degraded\"}}"))
        .route("/api/health", json(200,
            "{\"healthy\": true, \"checks\": {\"db\": {\"healthy\": true, \"latency_ms\": 3}}}"))
        .route("/status", json(200, "{\"environment\":\"production\",\"uptime_seconds\":86400,"
            + "\"events_processed\":10000,\"last_run\":\"2024-05-01T12:00:00Z\"}"))
        .route("/aspnet", json(200, "{\"status\":\"Unhealthy\",\"totalDuration\":\"00:00:00.01\","
            + "\"entries\":{\"sql\":{\"status\":\"Unhealthy\",\"duration\":\"00:00:00.01\","
            + "\"data\":{}},\"cache\":{\"status\":\"Healthy\"}}}"))
        .route("/ietf", answer(200, IETF, "Content-Type", "application/health+json"))
        .route("/actuator/health", json(200, SPRING))
        .route("/actuator/down", json(503, SPRING_DOWN))
        .route("/health/ready", json(503, MICROPROFILE))
        .route("/health/live", json(200, MICROPROFILE_1))
        .route("/livez", answer(200, "[+]ping ok\n[+]log ok\n[+]etcd ok\n"
            + "[+]poststarthook/crd-informer-synced ok\nlivez check passed\n",
            "Content-Type", "text/plain; charset=utf-8"))
        .route("/readyz", answer(500, "[+]ping ok\n[-]etcd failed: reason withheld\n"
            + "readyz check failed\n", "Content-Type", "text/plain; charset=utf-8"))
        .route("/healthz", answer(200, "ok", "Content-Type", "text/plain"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Exposition health(InProcessExporter e, String path) throws Exception {
    InProcessExporter.Response r = e.get(Scraper.probe(server.url(path), "health"));
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    return r.exposition();
  }

  @Test
  void adHocShapesBecomeComponents(@TempDir Path dir) throws Exception {
    try (InProcessExporter e = Scraper.start(dir, "")) {
      Exposition m = health(e, "/health");
      assertThat(m.value("probe_success")).isEqualTo(1);
      assertThat(m.value("health_format_info", "format", "adhoc")).isEqualTo(1);
      assertThat(m.value("health_overall_status", "state", "healthy")).isEqualTo(1);
      assertThat(m.value("health_overall_status", "state", "unhealthy")).isZero();
      assertThat(m.value("health_overall_up")).isEqualTo(1);
      assertThat(m.value("health_status", "component", "redis", "state", "degraded"))
          .isEqualTo(1);
      assertThat(m.value("health_status", "component", "redis", "state", "healthy")).isZero();
      assertThat(m.samples("health_status")).hasSize(8);
      assertThat(m.value("health_up", "component", "database")).isEqualTo(1);
      assertThat(m.value("health_up", "component", "redis")).isEqualTo(0.5);

      Exposition api = health(e, "/api/health");
      assertThat(api.value("health_up", "component", "db")).isEqualTo(1);
      assertThat(api.value("health_detail", "component", "db", "key", "latency_ms"))
          .isEqualTo(3);

      Exposition aspnet = health(e, "/aspnet");
      assertThat(aspnet.value("probe_success")).isZero();
      assertThat(aspnet.value("probe_failure_info", "reason", "health")).isEqualTo(1);
      assertThat(aspnet.value("health_status", "component", "sql", "state", "unhealthy"))
          .isEqualTo(1);
      assertThat(aspnet.value("health_up", "component", "cache")).isEqualTo(1);

      Exposition status = health(e, "/status");
      assertThat(status.value("probe_success")).isEqualTo(1);
      assertThat(status.value("health_format_info", "format", "unknown")).isEqualTo(1);
      assertThat(status.family("health_status")).isEmpty();
    }
  }

  @Test
  void ietfHealthJson(@TempDir Path dir) throws Exception {
    try (InProcessExporter e = Scraper.start(dir, "")) {
      Exposition m = health(e, "/ietf");
      assertThat(m.value("probe_success")).isEqualTo(1);
      assertThat(m.value("health_format_info", "format", "ietf")).isEqualTo(1);
      assertThat(m.value("health_overall_status", "state", "warn")).isEqualTo(1);
      assertThat(m.value("health_overall_status", "state", "pass")).isZero();
      assertThat(m.value("health_overall_up")).isEqualTo(0.5);
      assertThat(m.value("health_status", "component", "cassandra:responseTime", "state",
          "pass")).isEqualTo(1);
      assertThat(m.value("health_status", "component", "cpu:utilization/2", "state", "warn"))
          .isEqualTo(1);
      assertThat(m.value("health_observed_value", "component", "cassandra:responseTime",
          "unit", "ms")).isEqualTo(250);
      assertThat(m.value("health_observed_value", "component", "cpu:utilization/1", "unit",
          "percent")).isEqualTo(85);
      assertThat(m.value("health_observed_value", "component", "uptime", "unit", "s"))
          .isEqualTo(1209600.245);
    }
  }

  @Test
  void springActuatorWithNestedComponents(@TempDir Path dir) throws Exception {
    try (InProcessExporter e = Scraper.start(dir, "")) {
      Exposition m = health(e, "/actuator/health");
      assertThat(m.value("health_format_info", "format", "spring")).isEqualTo(1);
      assertThat(m.value("health_overall_status", "state", "UP")).isEqualTo(1);
      assertThat(m.value("health_overall_status", "state", "OUT_OF_SERVICE")).isZero();
      assertThat(m.value("health_status", "component", "broker/us1", "state", "UP"))
          .isEqualTo(1);
      assertThat(m.value("health_status", "component", "broker", "state", "DOWN")).isZero();
      assertThat(m.value("health_detail", "component", "diskSpace", "key", "total"))
          .isEqualTo(76887154688.0);
      assertThat(m.value("health_detail", "component", "diskSpace", "key", "exists"))
          .isEqualTo(1);
      assertThat(m.samples("health_up")).hasSize(6);

      Exposition down = health(e, "/actuator/down");
      assertThat(down.value("probe_success")).isZero();
      assertThat(down.value("probe_http_status_code")).isEqualTo(503);
      assertThat(down.value("probe_failure_info", "reason", "status")).isEqualTo(1);
      assertThat(down.value("health_overall_status", "state", "DOWN")).isEqualTo(1);
      assertThat(down.value("health_up", "component", "db")).isZero();
      assertThat(down.value("health_up", "component", "ping")).isEqualTo(1);
    }
  }

  @Test
  void microProfileBothGenerations(@TempDir Path dir) throws Exception {
    try (InProcessExporter e = Scraper.start(dir, "")) {
      Exposition ready = health(e, "/health/ready");
      assertThat(ready.value("health_format_info", "format", "microprofile")).isEqualTo(1);
      assertThat(ready.value("health_overall_status", "state", "DOWN")).isEqualTo(1);
      assertThat(ready.value("health_status", "component", "example.health.FirstCheck",
          "state", "DOWN")).isEqualTo(1);
      assertThat(ready.value("health_detail", "component", "example.health.FirstCheck",
          "key", "waited")).isEqualTo(30);
      assertThat(ready.value("health_up", "component", "secondCheck")).isEqualTo(1);

      Exposition live = health(e, "/health/live");
      assertThat(live.value("probe_success")).isEqualTo(1);
      assertThat(live.value("health_format_info", "format", "microprofile")).isEqualTo(1);
      assertThat(live.value("health_status", "component", "myCheck", "state", "UP"))
          .isEqualTo(1);
      assertThat(live.value("health_detail", "component", "myCheck", "key", "count"))
          .isEqualTo(3);
    }
  }

  @Test
  void kubernetesLivezAndReadyz(@TempDir Path dir) throws Exception {
    try (InProcessExporter e = Scraper.start(dir, "")) {
      Exposition live = health(e, "/livez");
      assertThat(live.value("probe_success")).isEqualTo(1);
      assertThat(live.value("health_format_info", "format", "kubernetes")).isEqualTo(1);
      assertThat(live.value("health_status", "component", "poststarthook/crd-informer-synced",
          "state", "ok")).isEqualTo(1);
      assertThat(live.value("health_overall_status", "state", "ok")).isEqualTo(1);

      Exposition ready = health(e, "/readyz");
      assertThat(ready.value("probe_success")).isZero();
      assertThat(ready.value("health_overall_status", "state", "failed")).isEqualTo(1);
      assertThat(ready.value("health_status", "component", "etcd", "state", "failed"))
          .isEqualTo(1);
      assertThat(ready.value("health_up", "component", "etcd")).isZero();

      Exposition plain = health(e, "/healthz");
      assertThat(plain.value("health_format_info", "format", "kubernetes")).isEqualTo(1);
      assertThat(plain.value("health_overall_up")).isEqualTo(1);
    }
  }
}
