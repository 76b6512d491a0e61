package io.exporters.scraper.health;

import java.util.Locale;

/** The health answer formats understood natively; AUTO detects which one a body is. */
public enum HealthFormat {
  AUTO,
  /** draft-inadarei-api-health-check, application/health+json. */
  IETF,
  /** Spring Boot Actuator /actuator/health, nested components (and 1.x/2.0 shapes). */
  SPRING,
  /** MicroProfile Health 2.x/3.x ({status, checks[]}) and 1.0 ({outcome, checks[].state}). */
  MICROPROFILE,
  /** Kubernetes /livez, /readyz: "ok" or [+]/[-] lines. */
  KUBERNETES,
  /** {status, services|checks|components|entries...} shapes services make up. */
  ADHOC;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static HealthFormat parse(String text) {
    if (text == null || text.isEmpty()) {
      return AUTO;
    }
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown health format '" + text + "' (expected auto, "
          + "ietf, spring, microprofile, kubernetes or adhoc)");
    }
  }
}
