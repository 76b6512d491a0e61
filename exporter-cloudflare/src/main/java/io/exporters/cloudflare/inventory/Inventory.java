package io.exporters.cloudflare.inventory;

import java.util.List;

/**
 * The zones and accounts to poll, as last listed: active zones that pass CF_ZONES and
 * CF_EXCLUDE_ZONES, and the accounts for account datasets, with how many zones were left out.
 */
public record Inventory(List<Scope> zones, List<Scope> accounts, int excluded, int inactive) {
  public Inventory {
    zones = List.copyOf(zones);
    accounts = List.copyOf(accounts);
  }

  public static Inventory empty() {
    return new Inventory(List.of(), List.of(), 0, 0);
  }
}
