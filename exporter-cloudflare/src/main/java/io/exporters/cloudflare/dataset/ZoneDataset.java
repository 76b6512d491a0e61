package io.exporters.cloudflare.dataset;

import io.exporters.cloudflare.inventory.Scope;

/** What the zone-scoped datasets share: scope, permission. */
abstract class ZoneDataset implements GraphQlDataset {
  @Override
  public String permission() {
    return "Zone > Analytics > Read";
  }

  @Override
  public Scope.Kind scope() {
    return Scope.Kind.ZONE;
  }
}
