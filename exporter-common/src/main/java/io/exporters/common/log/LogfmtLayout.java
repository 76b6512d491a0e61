package io.exporters.common.log;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.LayoutBase;
import io.exporters.common.secret.SecretMasker;
import org.slf4j.event.KeyValuePair;

/**
 * One logfmt line per event, as the Go exporters write them:
 * {@code ts=... level=info logger=Collector msg="scrape failed" target=db1 err="..."}.
 * Values are quoted only when they must be, following go-logfmt.
 */
public class LogfmtLayout extends LayoutBase<ILoggingEvent> {
  @Override
  public String doLayout(ILoggingEvent event) {
    StringBuilder line = new StringBuilder(160);
    line.append("ts=").append(LogEvents.timestamp(event));
    append(line, "level", LogEvents.level(event));
    append(line, "logger", LogEvents.logger(event));
    append(line, "msg", LogEvents.message(event));
    for (KeyValuePair pair : LogEvents.keyValues(event)) {
      append(line, pair.key, String.valueOf(pair.value));
    }
    String error = LogEvents.error(event);
    if (error != null) {
      append(line, "err", error);
    }
    // Values were masked before quoting (a secret with a quote or space would be escaped past
    // recognition); masking the whole line as well also covers keys.
    return SecretMasker.mask(line.toString()) + "\n";
  }

  private static void append(StringBuilder line, String key, String value) {
    line.append(' ');
    appendKey(line, key);
    line.append('=');
    appendValue(line, SecretMasker.mask(value));
  }

  /** Keys are never quoted in logfmt, so characters that would break the line become '_'. */
  private static void appendKey(StringBuilder line, String key) {
    if (key == null || key.isEmpty()) {
      line.append('_');
      return;
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      line.append(needsQuotes(c) ? '_' : c);
    }
  }

  private static void appendValue(StringBuilder line, String value) {
    if (value.isEmpty()) {
      line.append("\"\"");
      return;
    }
    if (value.chars().noneMatch(c -> needsQuotes((char) c))) {
      line.append(value);
      return;
    }
    line.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"':
          line.append("\\\"");
          break;
        case '\\':
          line.append("\\\\");
          break;
        case '\n':
          line.append("\\n");
          break;
        case '\r':
          line.append("\\r");
          break;
        case '\t':
          line.append("\\t");
          break;
        default:
          if (Character.isISOControl(c)) {
            line.append(String.format("\\u%04x", (int) c));
          } else {
            line.append(c);
          }
      }
    }
    line.append('"');
  }

  private static boolean needsQuotes(char c) {
    return c <= ' ' || c == '=' || c == '"' || Character.isISOControl(c);
  }
}
