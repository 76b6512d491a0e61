package io.exporters.cloudflare.dataset;

import io.exporters.cloudflare.store.FamilySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The one list of everything the exporter reads, in the order collectors are listed. */
public final class Sources {
  public static final List<GraphQlDataset> GRAPHQL = List.of(
      new HttpRequestsDataset(), new CacheStatusDataset(), new EdgeStatusDataset(),
      new EdgeLatencyDataset(), new OriginStatusDataset(), new ColocationDataset(),
      new FirewallEventsDataset(), new HealthChecksDataset(), new LoadBalancersDataset(),
      LogpushDataset.zones(), new WorkerStatusDataset(), new EdgeErrorsByPathDataset(),
      new WorkersDataset(), LogpushDataset.accounts(), new R2Dataset());
  public static final List<RestSource> REST = List.of(new PoolOriginsSource(),
      new TunnelsSource());

  private Sources() {}

  public static List<Source> all() {
    List<Source> out = new ArrayList<>(GRAPHQL);
    out.addAll(REST);
    return out;
  }

  /** Each family's HELP with how old its data is (its source's {@link Source#freshness}). */
  public static Function<FamilySpec, String> helpWithFreshness(Duration delay) {
    Map<String, String> help = new HashMap<>();
    for (Source s : all()) {
      String note = s.freshness(delay);
      for (FamilySpec f : s.families()) {
        help.put(f.name(), f.help() + note);
      }
    }
    return f -> help.getOrDefault(f.name(), f.help());
  }

  /** Every data family by name (the names METRICS_DENYLIST may give). */
  public static Map<String, FamilySpec> families() {
    Map<String, FamilySpec> out = new LinkedHashMap<>();
    for (Source s : all()) {
      for (FamilySpec f : s.families()) {
        if (out.put(f.name(), f) != null) {
          throw new IllegalStateException("family " + f.name() + " defined twice");
        }
      }
    }
    return out;
  }
}
