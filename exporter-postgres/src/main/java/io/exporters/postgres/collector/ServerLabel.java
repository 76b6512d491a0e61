package io.exporters.postgres.collector;

import io.exporters.common.backend.Target;

/** postgres_exporter's {@code server} label: host:port of the target, without the database. */
public final class ServerLabel {
  private ServerLabel() {}

  public static String of(Target target) {
    String address = target.address();
    int slash = address.indexOf('/');
    return slash < 0 ? address : address.substring(0, slash);
  }
}
