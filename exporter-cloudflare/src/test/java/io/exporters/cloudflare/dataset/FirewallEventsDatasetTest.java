package io.exporters.cloudflare.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Firewall events, with the rule's description as lablabs labels it (empty when unknown). */
class FirewallEventsDatasetTest {
  @Test
  void countsEventsAndNamesTheirRules() throws Exception {
    DatasetRun run = new DatasetRun();
    run.rules.put("r1", "block_bad_bots");
    run.parse(new FirewallEventsDataset(), DatasetRun.ZONE, """
        {"firewall_events": [
          {"count": 42939, "dimensions": {"action": "block", "source": "firewallCustom",
            "ruleId": "r1", "clientRequestHTTPHost": "www.example.com", "clientCountryName": "CN"}},
          {"count": 3, "dimensions": {"action": "log", "source": "waf", "ruleId": "r9",
            "clientRequestHTTPHost": "www.example.com", "clientCountryName": "GB"}}]}""");
    assertThat(run.series(FirewallEventsDataset.EVENTS)).containsExactly(
        "example-account/block/CN/www.example.com/block_bad_bots/firewallCustom/example.com=42939",
        "example-account/log/GB/www.example.com//waf/example.com=3");
  }

  @Test
  void noEventsAskForNoRuleNames() throws Exception {
    DatasetRun run = new DatasetRun().parse(new FirewallEventsDataset(), DatasetRun.ZONE,
        "{\"firewall_events\": []}");
    assertThat(run.series(FirewallEventsDataset.EVENTS)).isEmpty();
    assertThat(run.ruleLookups).isZero();
  }
}
