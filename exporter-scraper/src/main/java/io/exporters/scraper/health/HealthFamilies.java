package io.exporters.scraper.health;

import io.exporters.scraper.model.Family;

/** The series a health answer becomes (ours: blackbox has none). */
final class HealthFamilies {
  private HealthFamilies() {}

  static final Family FORMAT = Family.gauge("health_format_info",
      "The health answer format read (ietf, spring, microprofile, kubernetes, adhoc; unknown "
          + "when none was recognised)", "format");
  static final Family OVERALL_STATUS = Family.gauge("health_overall_status",
      "The overall state the health answer reports, one series per state of its format, the "
          + "reported one 1", "state");
  static final Family OVERALL_UP = Family.gauge("health_overall_up",
      "The overall state as a number: 1 healthy, 0.5 degraded, 0 unhealthy, NaN unknown");
  static final Family STATUS = Family.gauge("health_status",
      "Each component's state, one series per state of the format, the reported one 1",
      "component", "state");
  static final Family UP = Family.gauge("health_up",
      "Each component's state as a number: 1 healthy, 0.5 degraded, 0 unhealthy, NaN unknown",
      "component");
  static final Family DETAIL = Family.gauge("health_detail",
      "Numeric details a component reports (Spring details, MicroProfile data, numbers beside "
          + "an ad-hoc status); booleans as 1 and 0", "component", "key");
  static final Family OBSERVED = Family.gauge("health_observed_value",
      "The observedValue of an IETF health check, in observedUnit", "component", "unit");
  static final Family DROPPED = Family.gauge("health_components_dropped",
      "Components left out because the answer had more than health.max_components");
}
