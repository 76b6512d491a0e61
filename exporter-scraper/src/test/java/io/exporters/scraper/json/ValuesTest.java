package io.exporters.scraper.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How JSON values become sample values: numbers, booleans, null, words, dates. */
class ValuesTest {
  private static Double number(String json, Map<String, Double> map) throws Exception {
    return Values.number(new ObjectMapper().readTree(json), map);
  }

  @Test
  void numbersBooleansNullAndNumericStrings() throws Exception {
    assertThat(number("42.5", Map.of())).isEqualTo(42.5);
    assertThat(number("true", Map.of())).isEqualTo(1);
    assertThat(number("false", Map.of())).isZero();
    assertThat(number("null", Map.of())).isNaN();
    assertThat(number("\"17\"", Map.of())).isEqualTo(17);
    assertThat(number("{}", Map.of())).isNull();
  }

  @Test
  void wordsThroughTheMapOrTheCommonVocabulary() throws Exception {
    assertThat(number("\"UP\"", Map.of())).isEqualTo(1);
    assertThat(number("\"Degraded\"", Map.of())).isEqualTo(0.5);
    assertThat(number("\"OUT_OF_SERVICE\"", Map.of())).isZero();
    assertThat(number("\"GREEN\"", Map.of("green", 2.0))).isEqualTo(2);
    assertThat(number("\"UP\"", Map.of("green", 2.0))).isNull();
    assertThat(number("\"maybe\"", Map.of())).isNull();
  }

  @Test
  void datesBecomeUnixSeconds() throws Exception {
    assertThat(number("\"2024-05-01T12:00:00Z\"", Map.of())).isEqualTo(1714564800);
    assertThat(number("\"2024-05-01T14:00:00+02:00\"", Map.of())).isEqualTo(1714564800);
    assertThat(number("\"2024-05-01T12:00:00.250Z\"", Map.of())).isEqualTo(1714564800.25);
    assertThat(number("\"2024-05-01 12:00:00\"", Map.of())).isEqualTo(1714564800);
    assertThat(number("\"2024-05-01\"", Map.of())).isEqualTo(1714521600);
    assertThat(number("\"Wed, 01 May 2024 12:00:00 GMT\"", Map.of())).isEqualTo(1714564800);
    assertThat(number("\"2024-13-01\"", Map.of())).isNull();
  }
}
