package io.exporters.cloudflare.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.cloudflare.dataset.Sources;
import io.exporters.cloudflare.inventory.Scope;
import io.exporters.cloudflare.settings.LabelToggles;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Documents put ids and times in typed variables, one pair per distinct window. */
class QueryTextTest {
  @Test
  void zonesAndWindowsAreVariablesAndAliasesNameTheDatasets() {
    Instant t = Instant.parse("2024-05-20T10:05:00Z");
    Map<PlannedQuery.Part, Window> windows = new LinkedHashMap<>();
    windows.put(new PlannedQuery.Part(Sources.GRAPHQL.get(0), false),
        new Window(t.minusSeconds(180), t, 0));
    windows.put(new PlannedQuery.Part(Sources.GRAPHQL.get(2), false),
        new Window(t.minusSeconds(60), t, 0));
    PlannedQuery q = new PlannedQuery(Scope.Kind.ZONE, List.of(
        Scope.zone("z'0", "a.example", "acc", "Acme", "p"),
        Scope.zone("z1", "b.example", "acc", "Acme", "p")), windows);
    QueryText.Document d = QueryText.of(q, LabelToggles.all(), 10_000);
    assertThat(d.query()).startsWith("query ($zones: [string!], $s0: Time!, $e0: Time!, "
        + "$s1: Time!, $e1: Time!, $limit: uint64!)")
        .contains("zones(filter: {zoneTag_in: $zones})")
        .contains("http_requests: httpRequests1mGroups(limit: $limit, filter: {datetime_geq: "
            + "$s0, datetime_lt: $e0}, orderBy: [datetime_ASC])")
        .contains("edge_status: httpRequestsAdaptiveGroups(limit: $limit, filter: "
            + "{datetime_geq: $s1, datetime_lt: $e1, requestSource_in: [\"eyeball\"]}")
        .doesNotContain("z'0");
    assertThat(d.variables().toString()).contains("\"zones\":[\"z'0\",\"z1\"]",
        "\"s0\":\"2024-05-20T10:02:00Z\"", "\"e1\":\"2024-05-20T10:05:00Z\"",
        "\"limit\":10000");
  }
}
