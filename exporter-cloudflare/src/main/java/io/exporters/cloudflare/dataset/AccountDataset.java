package io.exporters.cloudflare.dataset;

import io.exporters.cloudflare.inventory.Scope;

/** What the account-scoped GraphQL datasets share: scope and permission. */
abstract class AccountDataset implements GraphQlDataset {
  @Override
  public String permission() {
    return "Account > Account Analytics > Read";
  }

  @Override
  public Scope.Kind scope() {
    return Scope.Kind.ACCOUNT;
  }

  @Override
  public boolean onFreePlan() {
    return true;
  }
}
