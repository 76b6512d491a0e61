package io.exporters.scraper.modules;

/** What the {@code hostname} of a probe (blackbox's parameter) may be: a host name, no more. */
public final class ProbeTargetChecks {
  private ProbeTargetChecks() {}

  /** Null or empty is fine (no override); else a DNS name or IP literal, optionally :port. */
  public static void hostname(String hostname) {
    if (hostname == null || hostname.isEmpty()) {
      return;
    }
    if (hostname.length() > 255 || !hostname.matches("[A-Za-z0-9._:\\[\\]-]+")) {
      throw new IllegalArgumentException("hostname must be a host name");
    }
  }
}
