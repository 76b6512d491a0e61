package io.exporters.common.log;

import static io.exporters.common.log.LogfmtLayoutTest.event;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exporters.common.secret.SecretMasker;
import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class JsonLayoutTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final JsonLayout layout = new JsonLayout();

  @Test
  void rendersOneObjectPerLine() {
    assertThat(layout.doLayout(event(Level.INFO, "ready"))).isEqualTo("{\"ts\":"
        + "\"2026-11-22T10:15:00.123Z\",\"level\":\"info\",\"logger\":\"Collector\","
        + "\"msg\":\"ready\"}\n");
  }

  @Test
  void carriesKeyValuesWithTheirJsonTypesAndTheError() throws IOException {
    LoggingEvent event = event(Level.WARN, "scrape \"db1\" failed\nretrying",
        "target", "db1:5432", "attempt", 3, "duration_seconds", 0.25, "cached", true,
        "ratio", Double.NaN, "owner", null);
    event.setThrowableProxy(new ThrowableProxy(
        new IOException("connect failed", new ConnectException("Connection refused"))));

    String line = layout.doLayout(event);
    JsonNode json = MAPPER.readTree(line);

    assertThat(line).endsWith("}\n").hasLineCount(1);
    assertThat(json.get("ts").asText()).isEqualTo("2026-11-22T10:15:00.123Z");
    assertThat(json.get("level").asText()).isEqualTo("warn");
    assertThat(json.get("logger").asText()).isEqualTo("Collector");
    assertThat(json.get("msg").asText()).isEqualTo("scrape \"db1\" failed\nretrying");
    assertThat(json.get("target").asText()).isEqualTo("db1:5432");
    assertThat(json.get("attempt").isInt()).isTrue();
    assertThat(json.get("attempt").asInt()).isEqualTo(3);
    assertThat(json.get("duration_seconds").asDouble()).isEqualTo(0.25);
    assertThat(json.get("cached").isBoolean()).isTrue();
    assertThat(json.get("ratio").asText()).isEqualTo("NaN");
    assertThat(json.get("owner").isNull()).isTrue();
    assertThat(json.get("err").asText()).isEqualTo(
        "java.io.IOException: connect failed; caused by: java.net.ConnectException:"
            + " Connection refused");
    assertThat(json.fieldNames()).toIterable().containsExactly("ts", "level", "logger", "msg",
        "target", "attempt", "duration_seconds", "cached", "ratio", "owner", "err");
  }

  @Test
  void masksRegisteredSecretsEverywhere() throws IOException {
    SecretMasker.register("json-s3cret");
    SecretMasker.register("quote\"d secret");
    SecretMasker.register("987654321");
    LoggingEvent event = event(Level.ERROR, "token json-s3cret rejected",
        "password", "quote\"d secret", "pin", 987_654_321L);
    event.setThrowableProxy(new ThrowableProxy(
        new IllegalStateException("bad token json-s3cret")));

    String line = layout.doLayout(event);
    JsonNode json = MAPPER.readTree(line);

    assertThat(line).doesNotContain("s3cret", "quote", "987654321");
    assertThat(json.get("msg").asText()).isEqualTo("token <secret> rejected");
    assertThat(json.get("password").asText()).isEqualTo("<secret>");
    assertThat(json.get("pin").asText()).isEqualTo("<secret>");
    assertThat(json.get("err").asText())
        .isEqualTo("java.lang.IllegalStateException: bad token <secret>");
  }
}
