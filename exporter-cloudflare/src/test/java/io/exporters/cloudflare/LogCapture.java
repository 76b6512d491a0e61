package io.exporters.cloudflare;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Lines logged by the exporter's own loggers while a test runs. */
final class LogCapture implements AutoCloseable {
  private final Logger root = (Logger) LoggerFactory.getLogger("io.exporters");
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  LogCapture() {
    appender.start();
    root.addAppender(appender);
  }

  /** Each event's message with its key-value pairs, as one line. */
  List<String> lines() {
    return appender.list.stream().map(e -> e.getFormattedMessage() + " "
        + (e.getKeyValuePairs() == null ? "" : e.getKeyValuePairs().toString())).toList();
  }

  @Override
  public void close() {
    root.detachAppender(appender);
  }
}
