package io.exporters.postgres.collector;

import io.exporters.common.backend.Target;
import io.exporters.postgres.target.DatabaseAddress;

/** postgres_exporter's {@code server} label: host:port of the target, without the database. */
public final class ServerLabel {
  private ServerLabel() {}

  public static String of(Target target) {
    return DatabaseAddress.parse(target.address()).server();
  }
}
