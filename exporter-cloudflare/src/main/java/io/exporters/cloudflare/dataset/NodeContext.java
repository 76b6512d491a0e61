package io.exporters.cloudflare.dataset;

import io.exporters.cloudflare.settings.LabelToggles;

/**
 * What a dataset's node text refers to: the variables holding its window ({@code $s0},
 * {@code $e0}), the day a daily dataset reads (a quoted literal), the row limit variable, the
 * label toggles, and whether to leave out fields only paid plans have.
 */
public record NodeContext(String since, String until, String date, String limit,
    LabelToggles labels, boolean basic) {

  /** {@code datetime_geq: $s0, datetime_lt: $e0} plus any extra filter terms. */
  public String window(String... extra) {
    StringBuilder out = new StringBuilder("datetime_geq: ").append(since)
        .append(", datetime_lt: ").append(until);
    for (String e : extra) {
      out.append(", ").append(e);
    }
    return out.toString();
  }

  /** {@code alias: node(limit: $limit, filter: {...}, orderBy: [...]) { selection }}. */
  public String node(String alias, String node, String filter, String orderBy,
      String selection) {
    return alias + ": " + node + "(limit: " + limit + ", filter: {" + filter + "}"
        + (orderBy == null ? "" : ", orderBy: [" + orderBy + "]") + ") { " + selection + " }\n";
  }

  /** The dimension when its label is on, else nothing (the API then sums over it). */
  public static String when(boolean on, String dimension) {
    return on ? dimension + " " : "";
  }
}
