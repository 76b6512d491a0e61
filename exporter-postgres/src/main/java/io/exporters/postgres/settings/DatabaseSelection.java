package io.exporters.postgres.settings;

import java.util.List;

/**
 * Which databases the per-database collectors visit: every connectable one by default
 * ({@code auto_discover}), narrowed by {@code include} (only these) and {@code exclude}.
 */
public record DatabaseSelection(Boolean autoDiscover, List<String> include, List<String> exclude) {
  public DatabaseSelection {
    autoDiscover = autoDiscover == null ? Boolean.TRUE : autoDiscover;
    include = include == null ? List.of() : List.copyOf(include);
    exclude = exclude == null ? List.of() : List.copyOf(exclude);
  }

  public static DatabaseSelection defaults() {
    return new DatabaseSelection(null, null, null);
  }

  public boolean admits(String database) {
    return !exclude.contains(database) && (include.isEmpty() || include.contains(database));
  }
}
