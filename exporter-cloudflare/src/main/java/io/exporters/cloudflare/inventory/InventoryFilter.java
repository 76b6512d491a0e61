package io.exporters.cloudflare.inventory;

import java.util.List;
import java.util.Set;

/**
 * Which zones and accounts to list: CF_ACCOUNTS (account ids; also what an account-scoped
 * token needs, as it cannot list accounts), CF_ZONES (ids or names, empty: all) and
 * CF_EXCLUDE_ZONES. A change of filter lists again at once, whatever the cache TTL.
 */
public record InventoryFilter(List<String> accounts, Set<String> zones, Set<String> exclude) {
  public InventoryFilter {
    accounts = List.copyOf(accounts);
    zones = Set.copyOf(zones);
    exclude = Set.copyOf(exclude);
  }

  boolean wants(String zoneId, String zoneName) {
    if (exclude.contains(zoneId) || exclude.contains(zoneName)) {
      return false;
    }
    return zones.isEmpty() || zones.contains(zoneId) || zones.contains(zoneName);
  }
}
