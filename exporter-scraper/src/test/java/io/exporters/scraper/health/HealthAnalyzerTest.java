package io.exporters.scraper.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.exporters.common.exposition.TextFormat;
import io.exporters.scraper.model.FailureReason;
import io.exporters.scraper.model.JsonBodies;
import io.exporters.scraper.model.ProbeFailure;
import io.exporters.scraper.model.ProbeLog;
import io.exporters.scraper.model.ProbeMetrics;
import io.exporters.testkit.Exposition;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Health answers of older and odder shapes, explicit formats, and the component cap. */
class HealthAnalyzerTest {
  private ProbeFailure failure;

  private Exposition read(HealthFormat format, String body, String contentType, int status,
      int maxComponents) throws Exception {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    JsonNode json = JsonBodies.looksLikeJson(bytes) ? JsonBodies.parse(bytes) : null;
    ProbeMetrics metrics = new ProbeMetrics();
    failure = HealthAnalyzer.analyze(new HealthCheck(format, true, maxComponents), bytes, json,
        contentType, status, metrics, new ProbeLog("health", "t"));
    return Exposition.parseText(TextFormat.toText(metrics.families()));
  }

  private Exposition read(String body) throws Exception {
    return read(HealthFormat.AUTO, body, "application/json", 200, 100);
  }

  @Test
  void springBoot1AndTwoZeroShapes() throws Exception {
    Exposition flat = read("{\"status\":\"UP\",\"diskSpace\":{\"status\":\"UP\",\"total\":10,"
        + "\"free\":4},\"db\":{\"status\":\"OUT_OF_SERVICE\"}}");
    assertThat(flat.value("health_format_info", "format", "spring")).isEqualTo(1);
    assertThat(flat.value("health_status", "component", "db", "state", "OUT_OF_SERVICE"))
        .isEqualTo(1);
    assertThat(flat.value("health_up", "component", "db")).isZero();

    Exposition twoZero = read("{\"status\":\"DOWN\",\"details\":{\"redis\":{\"status\":\"DOWN\","
        + "\"details\":{\"error\":\"x\"}},\"mail\":{\"status\":\"CUSTOM_WAIT\"}}}");
    assertThat(twoZero.value("health_status", "component", "redis", "state", "DOWN"))
        .isEqualTo(1);
    // A custom status code is one more state, and of unknown health.
    assertThat(twoZero.value("health_status", "component", "mail", "state", "CUSTOM_WAIT"))
        .isEqualTo(1);
    assertThat(twoZero.value("health_status", "component", "redis", "state", "CUSTOM_WAIT"))
        .isZero();
    assertThat(twoZero.value("health_up", "component", "mail")).isNaN();
    assertThat(failure.reason()).isEqualTo(FailureReason.HEALTH);
  }

  @Test
  void adHocArraysNestingAndAnOverallFromTheWorstComponent() throws Exception {
    Exposition m = read("{\"dependencies\":[{\"name\":\"postgres\",\"state\":\"green\","
        + "\"latency_ms\":4.5},{\"name\":\"kafka\",\"state\":\"yellow\",\"checks\":"
        + "{\"broker-1\":\"up\",\"broker-2\":\"down\"}}]}");
    assertThat(m.value("health_format_info", "format", "adhoc")).isEqualTo(1);
    assertThat(m.value("health_status", "component", "postgres", "state", "healthy"))
        .isEqualTo(1);
    assertThat(m.value("health_detail", "component", "postgres", "key", "latency_ms"))
        .isEqualTo(4.5);
    assertThat(m.value("health_up", "component", "kafka")).isEqualTo(0.5);
    assertThat(m.value("health_up", "component", "kafka/broker-2")).isZero();
    assertThat(m.value("health_overall_status", "state", "unhealthy")).isEqualTo(1);
    assertThat(failure).isNotNull();
  }

  @Test
  void anExplicitFormatIsTakenAtItsWord() throws Exception {
    Exposition ietf = read(HealthFormat.IETF, "{\"status\":\"ok\"}", "application/json", 200,
        100);
    assertThat(ietf.value("health_overall_status", "state", "pass")).isEqualTo(1);
    read(HealthFormat.SPRING, "not json", "text/plain", 200, 100);
    assertThat(failure.reason()).isEqualTo(FailureReason.HEALTH);
    Exposition k8s = read(HealthFormat.KUBERNETES, "", "text/plain", 503, 100);
    assertThat(k8s.value("health_overall_status", "state", "failed")).isEqualTo(1);
  }

  @Test
  void componentsPastTheCapAreCountedNotExported() throws Exception {
    StringBuilder body = new StringBuilder("{\"status\":\"ok\",\"services\":{");
    for (int i = 0; i < 30; i++) {
      body.append(i == 0 ? "" : ",").append("\"s").append(i).append("\":\"ok\"");
    }
    Exposition m = read(HealthFormat.AUTO, body.append("}}").toString(), "application/json",
        200, 10);
    assertThat(m.samples("health_up")).hasSize(10);
    assertThat(m.value("health_components_dropped")).isEqualTo(20);
  }
}
