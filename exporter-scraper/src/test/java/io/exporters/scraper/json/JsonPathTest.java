package io.exporters.scraper.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSONPath subset: steps, keys kept for labels, filters, json_exporter's braces. */
class JsonPathTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String DOC = """
      {"status": "healthy",
       "services": {"database": "healthy", "redis": "degraded"},
       "values": [
         {"id": "a", "state": "ACTIVE", "count": 2, "meta": {"zone": "eu"}},
         {"id": "b", "state": "INACTIVE", "count": 5},
         {"id": "c", "state": "ACTIVE", "count": 9, "enabled": true}],
       "weird keys": {"with space": 1, "cpu:utilization": 85}}
      """;

  private static List<Match> select(String path) throws Exception {
    JsonNode root = MAPPER.readTree(DOC);
    return JsonPath.parse(path, false).select(root, root);
  }

  private static List<String> keys(String path) throws Exception {
    return select(path).stream().map(Match::key).toList();
  }

  private static List<String> texts(String path) throws Exception {
    return select(path).stream().map(m -> Values.text(m.node())).toList();
  }

  @Test
  void childrenWildcardsIndexesAndKeys() throws Exception {
    assertThat(texts("$.status")).containsExactly("healthy");
    assertThat(keys("$.services.*")).containsExactly("database", "redis");
    assertThat(texts("$.services[*]")).containsExactly("healthy", "degraded");
    assertThat(texts("$.values[1].id")).containsExactly("b");
    assertThat(texts("$.values[-1].id")).containsExactly("c");
    assertThat(keys("$.values[*]")).containsExactly("0", "1", "2");
    assertThat(texts("$['weird keys']['with space']")).containsExactly("1");
    assertThat(texts("$.weird keys".replace(" ", "_"))).isEmpty();
    assertThat(texts("$['services']['redis','database']")).containsExactly("degraded",
        "healthy");
    assertThat(texts("$..zone")).containsExactly("eu");
    assertThat(texts("$..count")).containsExactly("2", "5", "9");
    assertThat(texts("$.nothing.here")).isEmpty();
  }

  @Test
  void filters() throws Exception {
    assertThat(texts("$.values[?(@.state == \"ACTIVE\")].id")).containsExactly("a", "c");
    assertThat(texts("$.values[?(@.state != 'ACTIVE')].id")).containsExactly("b");
    assertThat(texts("$.values[?(@.count > 2 && @.count <= 9)].id")).containsExactly("b", "c");
    assertThat(texts("$.values[?(@.count < 3 || @.id == 'c')].id")).containsExactly("a", "c");
    assertThat(texts("$.values[?(@.enabled)].id")).containsExactly("c");
    assertThat(texts("$.values[?(!@.meta)].id")).containsExactly("b", "c");
    assertThat(texts("$.values[?(@.meta.zone == 'eu')].id")).containsExactly("a");
    assertThat(keys("$.services[?(@ == 'degraded')]")).containsExactly("redis");
  }

  @Test
  void jsonExporterBracesAndDotsAreAccepted() throws Exception {
    assertThat(texts("{ .status }")).containsExactly("healthy");
    assertThat(texts("{.values[?(@.state == \"ACTIVE\")].count}")).containsExactly("2", "9");
    JsonNode root = MAPPER.readTree(DOC);
    JsonNode element = root.get("values").get(0);
    assertThat(JsonPath.parse(".id", true).first(element, root).asText()).isEqualTo("a");
    assertThat(JsonPath.parse(".status", false).first(element, root).asText())
        .isEqualTo("healthy");
  }

  @Test
  void mistakesAreReportedWithThePosition() {
    assertThatThrownBy(() -> JsonPath.parse("$.values[0:2]", false))
        .hasMessageContaining("slices");
    assertThatThrownBy(() -> JsonPath.parse("status", false))
        .hasMessageContaining("starts with $, @ or .");
    assertThatThrownBy(() -> JsonPath.parse("$.values[?(@.a ==)]", false))
        .hasMessageContaining("position");
    assertThatThrownBy(() -> JsonPath.parse("$.a]", false)).hasMessageContaining("position 3");
  }

  @Test
  void aHugeSelectionIsBounded() throws Exception {
    StringBuilder big = new StringBuilder("[");
    for (int i = 0; i < 30_000; i++) {
      big.append(i == 0 ? "" : ",").append(i);
    }
    JsonNode root = MAPPER.readTree(big.append(']').toString());
    assertThat(JsonPath.parse("$[*]", false).select(root, root)).hasSize(JsonPath.MAX_MATCHES);
  }
}
