package io.exporters.cloudflare.settings;

/**
 * Which high-cardinality labels are queried: a label switched off is not asked of the API (the
 * dimension leaves the query) and is exported empty, so families keep their label names.
 */
public record LabelToggles(Boolean host, Boolean country, Boolean colocation, Boolean path) {
  public LabelToggles {
    host = host == null || host;
    country = country == null || country;
    colocation = colocation == null || colocation;
    path = path == null || path;
  }

  public static LabelToggles all() {
    return new LabelToggles(null, null, null, null);
  }
}
