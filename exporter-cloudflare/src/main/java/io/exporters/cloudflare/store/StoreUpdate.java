package io.exporters.cloudflare.store;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one answer adds to the store, collected first and applied at once: counter increments,
 * gauge values, and the gauge families a scope replaces whole (quantiles and health reflect the
 * latest window only). {@code owner} is the zone or account id the series belong to, so they
 * go when it goes. Families on the deny-list are dropped here.
 */
public final class StoreUpdate {
  record Op(FamilySpec family, String owner, String[] labels, double value) {}

  record Replace(FamilySpec family, String owner) {}

  final List<Op> ops = new ArrayList<>();
  final Set<Replace> replaced = new LinkedHashSet<>();
  private final Set<String> denied;

  public StoreUpdate(Set<String> denied) {
    this.denied = denied;
  }

  /** Adds {@code value} to a counter; label values in the family's (sorted) label order. */
  public void count(FamilySpec family, String owner, double value, String... labels) {
    add(family, owner, value, labels);
  }

  /** Sets a gauge of a family this update {@link #replace}s for the owner. */
  public void gauge(FamilySpec family, String owner, double value, String... labels) {
    replace(family, owner);
    add(family, owner, value, labels);
  }

  /** The owner's series of this gauge family are replaced by what this update holds. */
  public void replace(FamilySpec family, String owner) {
    if (!denied.contains(family.name())) {
      replaced.add(new Replace(family, owner));
    }
  }

  public boolean wants(FamilySpec family) {
    return !denied.contains(family.name());
  }

  public boolean isEmpty() {
    return ops.isEmpty() && replaced.isEmpty();
  }

  private void add(FamilySpec family, String owner, double value, String[] labels) {
    if (denied.contains(family.name())) {
      return;
    }
    if (labels.length != family.labels().size()) {
      throw new IllegalArgumentException(family.name() + ": " + family.labels().size()
          + " labels, " + labels.length + " values");
    }
    String[] copy = new String[labels.length];
    for (int i = 0; i < labels.length; i++) {
      copy[i] = labels[i] == null ? "" : labels[i];
    }
    ops.add(new Op(family, owner, copy, Double.isFinite(value) ? value : 0));
  }
}
