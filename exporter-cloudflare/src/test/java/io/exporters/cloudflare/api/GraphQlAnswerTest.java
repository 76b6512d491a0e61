package io.exporters.cloudflare.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Errors are read with the scope and field their path names, data kept beside them. */
class GraphQlAnswerTest {
  @Test
  void theDocumentedErrorNamesItsZoneByIndexAndItsField() throws Exception {
    // Verbatim from Cloudflare's errors.mdx, data kept for the other zone.
    GraphQlAnswer a = GraphQlAnswer.of(new ObjectMapper().readTree("""
        {"data": {"viewer": {"zones": [{"zoneTag": "z0", "firewall_events": null},
          {"zoneTag": "z1", "firewall_events": []}]}},
         "errors": [{"message": "cannot request data older than 2678400s",
           "path": ["viewer", "zones", "0", "firewall_events"],
           "extensions": {"timestamp": "2019-12-09T21:27:19.195060142Z"}}]}"""));
    assertThat(a.errors()).hasSize(1);
    GraphQlAnswer.Error e = a.errors().get(0);
    assertThat(e.scopeIndex()).isZero();
    assertThat(e.field()).isEqualTo("firewall_events");
    assertThat(e.errorClass()).isEqualTo(ErrorClass.LIMIT);
    assertThat(a.scopes("zones").get(1).path("zoneTag").asText()).isEqualTo("z1");
  }

  @Test
  void aWholeRequestErrorHasNoScopeAndNoData() throws Exception {
    GraphQlAnswer a = GraphQlAnswer.of(new ObjectMapper().readTree("""
        {"data": null, "errors": [{"message": "rate limiter budget depleted, try again after 5
         minutes", "path": null}]}""".replace("\n", " ")));
    assertThat(a.data()).isNull();
    assertThat(a.errors().get(0).scopeIndex()).isEqualTo(-1);
    assertThat(a.errors().get(0).field()).isNull();
    assertThat(a.scopes("zones").size()).isZero();
  }
}
