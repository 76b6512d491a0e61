package io.exporters.cloudflare.dataset;

import io.exporters.cloudflare.inventory.Scope;
import io.exporters.cloudflare.settings.LabelToggles;
import java.util.Map;
import java.util.Set;

/** What parsing an answer may need beyond the rows: toggles, the row limit, rule names. */
public interface ParseContext {
  LabelToggles labels();

  /** Notes how many rows a node returned; at the row limit the answer was cut short. */
  void rows(String dataset, int count);

  /** The {@code rule} label of each firewall rule id of the zone (empty when unknown). */
  Map<String, String> ruleLabels(Scope zone, Set<String> ruleIds);
}
