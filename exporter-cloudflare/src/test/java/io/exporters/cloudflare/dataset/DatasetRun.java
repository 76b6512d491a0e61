package io.exporters.cloudflare.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exporters.cloudflare.inventory.Scope;
import io.exporters.cloudflare.settings.LabelToggles;
import io.exporters.cloudflare.store.FamilySpec;
import io.exporters.cloudflare.store.SeriesStore;
import io.exporters.cloudflare.store.StoreUpdate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a dataset's parser on one scope's element of an answer and shows what it stored, as
 * {@code label/label/...=value} lines per family, in exposition order.
 */
final class DatasetRun implements ParseContext {
  static final Scope ZONE = Scope.zone("023e105f4ecef8ad9ca31a8372d0c353", "example.com",
      "acc1", "Example Account", "p");
  static final Scope ACCOUNT = Scope.account("acc1", "Example Account");

  final SeriesStore store = new SeriesStore();
  final Map<String, Integer> rows = new HashMap<>();
  final Map<String, String> rules = new HashMap<>();
  int ruleLookups;
  LabelToggles labels = LabelToggles.all();

  DatasetRun parse(GraphQlDataset dataset, Scope scope, String scopeJson) throws Exception {
    JsonNode element = new ObjectMapper().readTree(scopeJson);
    StoreUpdate update = new StoreUpdate(Set.of());
    dataset.parse(element, scope, this, update);
    store.apply(update, 0, 0);
    store.publish();
    return this;
  }

  List<String> series(FamilySpec family) {
    List<String> out = new ArrayList<>();
    store.series(family.name()).forEach(s -> out.add(String.join("/", s.labelValues()) + "="
        + (s.value() == Math.rint(s.value()) ? Long.toString((long) s.value())
            : Double.toString(s.value()))));
    return out;
  }

  @Override
  public LabelToggles labels() {
    return labels;
  }

  @Override
  public void rows(String dataset, int count) {
    rows.merge(dataset, count, Integer::sum);
  }

  @Override
  public Map<String, String> ruleLabels(Scope zone, Set<String> ruleIds) {
    ruleLookups++;
    return rules;
  }
}
