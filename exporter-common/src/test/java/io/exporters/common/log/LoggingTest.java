package io.exporters.common.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.joran.spi.JoranException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exporters.common.secret.SecretMasker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LoggingTest {
  private static final Logger LOG = LoggerFactory.getLogger(LoggingTest.class);
  private static final Logger JETTY = LoggerFactory.getLogger("org.eclipse.jetty.server.Server");

  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private PrintStream originalStderr;

  @BeforeEach
  void captureStderr() {
    originalStderr = System.err;
    // The console appender looks up System.err on every write, so lines land in the buffer.
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreDefaults() throws JoranException {
    System.setErr(originalStderr);
    reloadLogbackXml();
  }

  @Test
  void switchesTheLevelAtRuntime() {
    Logging.configure("info", "logfmt");
    LOG.debug("hidden at info");
    LOG.info("shown at info");

    Logging.configure("debug", "logfmt");
    LOG.atDebug().addKeyValue("target", "db1").log("shown at debug");

    Logging.configure("error", "logfmt");
    LOG.warn("hidden at error");

    assertThat(lines()).hasSize(2);
    assertThat(lines().get(0)).matches("ts=\\S+Z level=info logger=LoggingTest"
        + " msg=\"shown at info\"");
    assertThat(lines().get(1)).matches("ts=\\S+Z level=debug logger=LoggingTest"
        + " msg=\"shown at debug\" target=db1");
  }

  @Test
  void switchesTheFormatAtRuntime() throws IOException {
    Logging.configure("info", "json");
    LOG.atInfo().addKeyValue("port", 9187).log("listening");
    Logging.configure("INFO", " LogFmt ");
    LOG.info("back to logfmt");

    JsonNode json = new ObjectMapper().readTree(lines().get(0));
    assertThat(json.get("msg").asText()).isEqualTo("listening");
    assertThat(json.get("port").asInt()).isEqualTo(9187);
    assertThat(lines().get(1)).endsWith(" msg=\"back to logfmt\"");
    assertThat(lines()).hasSize(2);
  }

  @Test
  void keepsExactlyOneStderrAppender() {
    Logging.configure("info", "logfmt");
    Logging.configure("info", "json");
    Logging.configure("warn", "logfmt");

    List<Appender<?>> appenders = new ArrayList<>();
    root().iteratorForAppenders().forEachRemaining(appenders::add);
    assertThat(appenders).singleElement().satisfies(appender -> {
      assertThat(appender.getName()).isEqualTo(Logging.APPENDER_NAME);
      assertThat(appender.isStarted()).isTrue();
    });
  }

  @Test
  void holdsTheHttpServerAtWarnEvenAtDebugUnlessItsOwnLevelIsAsked() {
    Logging.configure("info", "logfmt");
    JETTY.info("jetty chatter at info");
    JETTY.warn("jetty warning at info");
    LoggerFactory.getLogger("io.javalin.Javalin").info("javalin chatter at info");

    Logging.configure("debug", "logfmt");
    JETTY.debug("jetty request URL at debug");
    LOG.debug("our own debug line");

    Logging.configure("info", "logfmt", "debug");
    JETTY.debug("jetty detail when asked");

    Logging.configure("error", "logfmt");
    JETTY.warn("jetty warning at error");

    assertThat(lines()).hasSize(4);
    assertThat(lines().get(0)).contains("level=warn logger=Server msg=\"jetty warning at info\"");
    assertThat(lines().get(1)).contains("msg=\"our own debug line\"");
    assertThat(lines().get(2)).contains("level=debug logger=Server msg=\"jetty detail when asked\"");
    assertThat(lines().get(3)).contains("level=warn logger=Server msg=\"jetty warning at error\"");
  }

  @Test
  void rejectsUnknownLevelsAndFormatsWithoutChangingAnything() {
    Logging.configure("warn", "logfmt");

    assertThatThrownBy(() -> Logging.configure("verbose", "logfmt"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown log level \"verbose\" (valid: debug, info, warn, error)");
    assertThatThrownBy(() -> Logging.configure("debug", "xml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown log format \"xml\" (valid: logfmt, json)");
    assertThatThrownBy(() -> Logging.configure(null, "json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown log level \"null\"");
    assertThatThrownBy(() -> Logging.configure("info", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown log format \"null\"");

    assertThat(root().getLevel()).isEqualTo(Level.WARN);
    LOG.warn("still logfmt");
    assertThat(lines()).singleElement().asString().endsWith(" msg=\"still logfmt\"");
  }

  @Test
  void masksSecretsInConfiguredOutput() {
    SecretMasker.register("logging-s3cret");
    Logging.configure("info", "logfmt");

    LOG.atInfo().addKeyValue("token", "logging-s3cret").log("using logging-s3cret");

    assertThat(lines()).singleElement().asString()
        .endsWith(" msg=\"using <secret>\" token=<secret>");
  }

  @Test
  void logbackXmlStartsWithLogfmtOnStderrAtInfo() throws JoranException {
    reloadLogbackXml();

    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    assertThat(root().getLevel()).isEqualTo(Level.INFO);
    for (String name : Logging.NOISY_LOGGERS) {
      assertThat(context.getLogger(name).getLevel()).isEqualTo(Level.WARN);
    }
    Appender<?> appender = root().getAppender(Logging.APPENDER_NAME);
    assertThat(appender).isInstanceOf(ConsoleAppender.class);
    ConsoleAppender<?> console = (ConsoleAppender<?>) appender;
    assertThat(console.getTarget()).isEqualTo("System.err");
    assertThat(console.getEncoder()).isInstanceOfSatisfying(LayoutWrappingEncoder.class,
        encoder -> assertThat(encoder.getLayout()).isInstanceOf(LogfmtLayout.class));

    LOG.debug("hidden");
    LOG.atInfo().addKeyValue("version", "1.0").log("starting");
    assertThat(lines()).singleElement().asString().matches(
        "ts=\\S+Z level=info logger=LoggingTest msg=starting version=1.0");
  }

  private List<String> lines() {
    String text = stderr.toString(StandardCharsets.UTF_8);
    return text.isEmpty() ? List.of() : List.of(text.split("\n"));
  }

  private static ch.qos.logback.classic.Logger root() {
    return (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  }

  private static void reloadLogbackXml() throws JoranException {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    new ContextInitializer(context).autoConfig();
  }
}
