package io.exporters.scraper.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.exporters.scraper.model.StateWords;
import java.util.Locale;
import java.util.Map;

/**
 * Turns selected JSON into sample values and label text. A value is: a number as it is; true 1,
 * false 0; null NaN (as json_exporter); a string through the metric's value_map
 * (case-insensitive), else as a number, else as a date (unix seconds), else, when the metric has
 * no value_map, through the common state words (UP 1, degraded 0.5, DOWN 0). Anything else has
 * no value (the series is dropped and counted).
 */
final class Values {
  private Values() {}

  static Double number(JsonNode node, Map<String, Double> valueMap) {
    if (node == null) {
      return null;
    }
    if (node.isNumber()) {
      return node.asDouble();
    }
    if (node.isBoolean()) {
      return node.asBoolean() ? 1.0 : 0.0;
    }
    if (node.isNull()) {
      return Double.NaN;
    }
    if (!node.isTextual()) {
      return null;
    }
    String text = node.asText().trim();
    if (!valueMap.isEmpty()) {
      Double mapped = valueMap.get(text.toLowerCase(Locale.ROOT));
      if (mapped != null) {
        return mapped;
      }
    }
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException notANumber) {
      // Not a plain number: a date, or a word.
    }
    Double time = Timestamps.parse(text);
    if (time != null) {
      return time;
    }
    if (valueMap.isEmpty()) {
      double word = StateWords.value(text);
      return Double.isNaN(word) ? null : word;
    }
    return null;
  }

  /** A label's text: strings as they are, numbers as Go prints them, containers as JSON. */
  static String text(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return "";
    }
    if (node.isTextual()) {
      return node.asText();
    }
    if (node.isIntegralNumber() || node.isNumber() && node.asDouble() == Math.rint(node.asDouble())
        && Math.abs(node.asDouble()) < 1e15) {
      return Long.toString(node.asLong());
    }
    return node.isValueNode() ? node.asText() : node.toString();
  }
}
