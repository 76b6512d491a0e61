package io.exporters.scraper.modules;

/**
 * A target /metrics probes, checked at load: the target as written (it may hold user info),
 * the same without it (its {@code target} label), its module and blackbox's hostname.
 */
public record StaticProbe(String target, String label, Module module, String hostname) {
  @Override
  public String toString() {
    return label + " (" + module.name() + ")";
  }
}
