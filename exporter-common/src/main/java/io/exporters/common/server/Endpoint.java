package io.exporters.common.server;

import io.exporters.common.backend.Deadline;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A page an exporter adds beside the core's (redis_exporter's {@code /discover-cluster-nodes}, a
 * probe history): answers a GET with its query parameters, by the deadline.
 */
@FunctionalInterface
public interface Endpoint {
  Answer answer(Map<String, String> params, Deadline deadline) throws Exception;

  /** What the landing page says of this page, asked at each visit; null leaves it off. */
  default String landingNote() {
    return null;
  }

  /** {@code endpoint}, listed on the landing page with the note {@code note} gives per visit. */
  static Endpoint listed(Supplier<String> note, Endpoint endpoint) {
    return new Endpoint() {
      @Override
      public Answer answer(Map<String, String> params, Deadline deadline) throws Exception {
        return endpoint.answer(params, deadline);
      }

      @Override
      public String landingNote() {
        return note.get();
      }
    };
  }

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
