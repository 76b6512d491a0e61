package io.exporters.common.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code --log.level} and {@code --log.format} to logback: one line per event on stderr.
 * Safe to call again at runtime, e.g. on a configuration reload.
 */
public final class Logging {
  static final String APPENDER_NAME = "STDERR";
  private static final Map<String, Level> LEVELS = Map.of(
      "debug", Level.DEBUG, "info", Level.INFO, "warn", Level.WARN, "error", Level.ERROR);
  private static final String VALID_LEVELS = "debug, info, warn, error";
  private static final String VALID_FORMATS = "logfmt, json";
  // The HTTP server's internals: chatty (hundreds of lines per scrape at debug) and they log
  // request URLs, /probe credentials included, before anything can mask them. Held at warn
  // unless their own level is asked for.
  static final List<String> NOISY_LOGGERS = List.of("org.eclipse.jetty", "io.javalin");

  private Logging() {}

  /**
   * Sets the root level (debug, info, warn, error) and line format (logfmt, json), case
   * insensitive; throws IllegalArgumentException for anything else, leaving logging unchanged.
   */
  public static void configure(String level, String format) {
    configure(loggerContext(), level, format, null);
  }

  /** As {@link #configure(String, String)}, with Jetty's and Javalin's own level (null: warn). */
  public static void configure(String level, String format, String serverLevel) {
    configure(loggerContext(), level, format, serverLevel);
  }

  static synchronized void configure(LoggerContext context, String level, String format,
      String serverLevel) {
    Level rootLevel = parseLevel(level);
    Level noisyLevel = serverLevel == null ? Level.WARN : parseLevel(serverLevel);
    LayoutBase<ILoggingEvent> layout = newLayout(format);

    layout.setContext(context);
    layout.start();
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setLayout(layout);
    encoder.setCharset(StandardCharsets.UTF_8);
    encoder.start();
    ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
    appender.setContext(context);
    appender.setName(APPENDER_NAME);
    appender.setTarget("System.err");
    appender.setEncoder(encoder);
    appender.start();

    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    // Attach the new appender before removing the old ones so no event is dropped on reload.
    root.addAppender(appender);
    List<Appender<ILoggingEvent>> previous = new ArrayList<>();
    root.iteratorForAppenders().forEachRemaining(previous::add);
    for (Appender<ILoggingEvent> old : previous) {
      if (old != appender) {
        root.detachAppender(old);
        old.stop();
      }
    }
    root.setLevel(rootLevel);
    for (String name : NOISY_LOGGERS) {
      context.getLogger(name).setLevel(noisyLevel);
    }
  }

  private static Level parseLevel(String level) {
    Level parsed = level == null ? null : LEVELS.get(level.trim().toLowerCase(Locale.ROOT));
    if (parsed == null) {
      throw new IllegalArgumentException(
          "unknown log level \"" + level + "\" (valid: " + VALID_LEVELS + ")");
    }
    return parsed;
  }

  private static LayoutBase<ILoggingEvent> newLayout(String format) {
    String name = format == null ? "" : format.trim().toLowerCase(Locale.ROOT);
    switch (name) {
      case "logfmt":
        return new LogfmtLayout();
      case "json":
        return new JsonLayout();
      default:
        throw new IllegalArgumentException(
            "unknown log format \"" + format + "\" (valid: " + VALID_FORMATS + ")");
    }
  }

  private static LoggerContext loggerContext() {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (!(factory instanceof LoggerContext)) {
      throw new IllegalStateException(
          "logback is not the SLF4J backend: " + factory.getClass().getName());
    }
    return (LoggerContext) factory;
  }
}
