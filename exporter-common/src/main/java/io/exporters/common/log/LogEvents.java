package io.exporters.common.log;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.slf4j.event.KeyValuePair;

/** The fields every log line carries, rendered the same way for each layout. */
final class LogEvents {
  // Millisecond UTC timestamps with a fixed width, as go-kit's DefaultTimestampUTC writes them.
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  // Bounds the err field even for pathological or cyclic cause chains.
  private static final int MAX_CAUSES = 10;

  private LogEvents() {}

  static String timestamp(ILoggingEvent event) {
    return TIMESTAMP.format(Instant.ofEpochMilli(event.getTimeStamp()));
  }

  static String level(ILoggingEvent event) {
    return event.getLevel().toString().toLowerCase(Locale.ROOT);
  }

  /** The last dot-separated part of the logger name: the simple class name for class loggers. */
  static String logger(ILoggingEvent event) {
    String name = event.getLoggerName();
    return name == null ? "" : name.substring(name.lastIndexOf('.') + 1);
  }

  static String message(ILoggingEvent event) {
    String message = event.getFormattedMessage();
    return message == null ? "" : message;
  }

  static List<KeyValuePair> keyValues(ILoggingEvent event) {
    List<KeyValuePair> pairs = event.getKeyValuePairs();
    return pairs == null ? List.of() : pairs;
  }

  /**
   * The throwable as one line, "class: message; caused by: class: message", or null. Stack
   * traces are left out so that every event stays a single line.
   */
  static String error(ILoggingEvent event) {
    IThrowableProxy throwable = event.getThrowableProxy();
    if (throwable == null) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (int depth = 0; throwable != null && depth < MAX_CAUSES; depth++) {
      if (depth > 0) {
        out.append("; caused by: ");
      }
      out.append(throwable.getClassName());
      if (throwable.getMessage() != null) {
        out.append(": ").append(throwable.getMessage());
      }
      throwable = throwable.getCause();
    }
    return out.toString();
  }
}
