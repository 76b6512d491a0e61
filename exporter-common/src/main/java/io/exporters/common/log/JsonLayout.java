package io.exporters.common.log;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.exporters.common.secret.SecretMasker;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.slf4j.event.KeyValuePair;

/**
 * One JSON object per line with the logfmt fields ({@code ts}, {@code level}, {@code logger},
 * {@code msg}, key-values, {@code err}); numbers and booleans among the key-values stay JSON
 * numbers and booleans, as Go's slog JSON handler writes them.
 */
public class JsonLayout extends LayoutBase<ILoggingEvent> {
  private static final JsonFactory JSON = new JsonFactory();

  @Override
  public String getContentType() {
    return "application/json";
  }

  @Override
  public String doLayout(ILoggingEvent event) {
    StringWriter out = new StringWriter(200);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("ts", LogEvents.timestamp(event));
      json.writeStringField("level", LogEvents.level(event));
      json.writeStringField("logger", LogEvents.logger(event));
      json.writeStringField("msg", SecretMasker.mask(LogEvents.message(event)));
      for (KeyValuePair pair : LogEvents.keyValues(event)) {
        json.writeFieldName(pair.key == null ? "_" : pair.key);
        writeValue(json, pair.value);
      }
      String error = LogEvents.error(event);
      if (error != null) {
        json.writeStringField("err", SecretMasker.mask(error));
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Values were masked before JSON escaping could hide a secret; this pass covers the keys.
    return SecretMasker.mask(out.toString()) + "\n";
  }

  private static void writeValue(JsonGenerator json, Object value) throws IOException {
    if (value == null) {
      json.writeNull();
      return;
    }
    String text = value.toString();
    String masked = SecretMasker.mask(text);
    if (!masked.equals(text)) {
      json.writeString(masked);
    } else if (value instanceof Boolean) {
      json.writeBoolean((Boolean) value);
    } else if (isJsonNumber(value)) {
      json.writeNumber(text);
    } else {
      json.writeString(text);
    }
  }

  /** Number types whose toString is a valid JSON number; NaN and infinities are not. */
  private static boolean isJsonNumber(Object value) {
    if (value instanceof Double || value instanceof Float) {
      return Double.isFinite(((Number) value).doubleValue());
    }
    return value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte || value instanceof BigInteger || value instanceof BigDecimal;
  }
}
