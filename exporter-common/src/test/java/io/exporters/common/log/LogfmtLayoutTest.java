package io.exporters.common.log;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import io.exporters.common.secret.SecretMasker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.event.KeyValuePair;

class LogfmtLayoutTest {
  private static final String PREFIX = "ts=2026-11-22T10:15:00.123Z level=info logger=Collector ";

  private final LogfmtLayout layout = new LogfmtLayout();

  static LoggingEvent event(Level level, String message, Object... keyValues) {
    LoggingEvent event = new LoggingEvent();
    event.setLoggerName("io.exporters.postgres.Collector");
    event.setLevel(level);
    event.setMessage(message);
    event.setInstant(Instant.parse("2026-11-22T10:15:00.123Z"));
    for (int i = 0; i < keyValues.length; i += 2) {
      event.addKeyValuePair(new KeyValuePair((String) keyValues[i], keyValues[i + 1]));
    }
    return event;
  }

  @Test
  void rendersTheFixedFieldsThenKeyValues() {
    LoggingEvent event = event(Level.INFO, "scrape done", "target", "db1:5432",
        "duration_seconds", 0.25, "samples", 1234, "cached", false);

    assertThat(layout.doLayout(event)).isEqualTo(PREFIX + "msg=\"scrape done\""
        + " target=db1:5432 duration_seconds=0.25 samples=1234 cached=false\n");
  }

  @Test
  void rendersLevelsLowerCaseAndLoggersShort() {
    LoggingEvent event = event(Level.WARN, "ready");
    event.setLoggerName("root");

    assertThat(layout.doLayout(event))
        .isEqualTo("ts=2026-11-22T10:15:00.123Z level=warn logger=root msg=ready\n");
    assertThat(layout.doLayout(event(Level.DEBUG, "x"))).contains(" level=debug ");
    assertThat(layout.doLayout(event(Level.ERROR, "x"))).contains(" level=error ");
  }

  @Test
  void formatsTheMessageArguments() {
    LoggingEvent event = event(Level.INFO, "listening on {}");
    event.setArgumentArray(new Object[] {":9187"});

    assertThat(layout.doLayout(event)).isEqualTo(PREFIX + "msg=\"listening on :9187\"\n");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', emptyValue = "", value = {
      "plain                 | plain",
      "``                    | \"\"",
      "two words             | \"two words\"",
      "a=b                   | \"a=b\"",
      "say \"hi\"            | \"say \\\"hi\\\"\"",
      "C:\\dir               | C:\\dir",
      "C:\\my dir            | \"C:\\\\my dir\"",
      "line1\\nline2         | \"line1\\nline2\"",
      "tab\\there            | \"tab\\there\"",
      "bell\\u0007           | \"bell\\u0007\"",
      "grüße                 | grüße",
  })
  void quotesValuesLikeGoLogfmt(String value, String rendered) {
    // The CSV cells spell control characters as Java escapes.
    String actual = value.replace("\\n", "\n").replace("\\t", "\t").replace("\\u0007", "\u0007");

    assertThat(layout.doLayout(event(Level.INFO, "m", "v", actual)))
        .isEqualTo(PREFIX + "msg=m v=" + rendered + "\n");
  }

  @Test
  void keepsEveryEventOnOneLine() {
    LoggingEvent event = event(Level.INFO, "first\nsecond\r\nthird", "query", "SELECT 1\nFROM t");

    assertThat(layout.doLayout(event)).isEqualTo(PREFIX
        + "msg=\"first\\nsecond\\r\\nthird\" query=\"SELECT 1\\nFROM t\"\n");
  }

  @Test
  void replacesCharactersThatWouldBreakKeys() {
    assertThat(layout.doLayout(event(Level.INFO, "m", "bad key=\"x\"", 1, "", 2)))
        .isEqualTo(PREFIX + "msg=m bad_key__x_=1 _=2\n");
  }

  @Test
  void rendersNullValues() {
    assertThat(layout.doLayout(event(Level.INFO, null, "v", null)))
        .isEqualTo(PREFIX + "msg=\"\" v=null\n");
  }

  @Test
  void rendersTheCauseChainAsOneErrField() {
    LoggingEvent event = event(Level.WARN, "scrape failed", "target", "db1");
    IOException error = new IOException("connect failed:\n  timeout",
        new ConnectException("Connection refused"));
    event.setThrowableProxy(new ThrowableProxy(error));

    assertThat(layout.doLayout(event)).isEqualTo("ts=2026-11-22T10:15:00.123Z level=warn"
        + " logger=Collector msg=\"scrape failed\" target=db1"
        + " err=\"java.io.IOException: connect failed:\\n  timeout;"
        + " caused by: java.net.ConnectException: Connection refused\"\n");
  }

  @Test
  void rendersAThrowableWithoutMessageUnquoted() {
    LoggingEvent event = event(Level.ERROR, "bug");
    event.setThrowableProxy(new ThrowableProxy(new IllegalStateException()));

    assertThat(layout.doLayout(event)).endsWith(" msg=bug err=java.lang.IllegalStateException\n");
  }

  @Test
  void stopsAtCyclicCauses() {
    IOException outer = new IOException("outer");
    UncheckedIOException inner = new UncheckedIOException("inner", outer);
    outer.initCause(inner);
    LoggingEvent event = event(Level.ERROR, "loop");
    event.setThrowableProxy(new ThrowableProxy(outer));

    String line = layout.doLayout(event);

    assertThat(line).startsWith(PREFIX.replace("info", "error")
        + "msg=loop err=\"java.io.IOException: outer; caused by: java.io.UncheckedIOException:"
        + " inner");
    assertThat(line).hasLineCount(1);
  }

  @Test
  void masksRegisteredSecretsEverywhere() {
    SecretMasker.register("logfmt-s3cret");
    SecretMasker.register("pa\"ss word");
    LoggingEvent event = event(Level.ERROR, "login with logfmt-s3cret failed",
        "dsn", "postgres://app:logfmt-s3cret@db1/app", "password", "pa\"ss word");
    event.setThrowableProxy(new ThrowableProxy(
        new IllegalStateException("auth failed for logfmt-s3cret")));

    assertThat(layout.doLayout(event)).isEqualTo("ts=2026-11-22T10:15:00.123Z level=error"
        + " logger=Collector msg=\"login with <secret> failed\""
        + " dsn=postgres://app:<secret>@db1/app password=<secret>"
        + " err=\"java.lang.IllegalStateException: auth failed for <secret>\"\n");
  }
}
