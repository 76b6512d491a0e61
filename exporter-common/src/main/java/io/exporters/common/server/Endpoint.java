package io.exporters.common.server;

import io.exporters.common.backend.Deadline;
import java.util.Map;

/**
 * A page an exporter adds beside the core's (redis_exporter's {@code /discover-cluster-nodes}, a
 * probe history): answers a GET with its query parameters, by the deadline.
 */
@FunctionalInterface
public interface Endpoint {
  Answer answer(Map<String, String> params, Deadline deadline) throws Exception;

  /** What the page answers. */
  record Answer(int status, String contentType, String body) {
    public static Answer json(String body) {
      return new Answer(200, "application/json", body);
    }

    public static Answer text(int status, String body) {
      return new Answer(status, "text/plain; charset=utf-8", body);
    }
  }
}
