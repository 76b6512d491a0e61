package io.exporters.scraper.modules;

import java.util.Locale;

/** The prober a module names; dns, icmp and grpc load (blackbox.yml files have them) but refuse. */
public enum Prober {
  HTTP,
  TCP,
  DNS,
  ICMP,
  GRPC;

  public boolean supported() {
    return this == HTTP || this == TCP;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Prober parse(String text) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("missing: every module names its prober (http or tcp)");
    }
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown prober '" + text + "' (expected http or tcp)");
    }
  }
}
