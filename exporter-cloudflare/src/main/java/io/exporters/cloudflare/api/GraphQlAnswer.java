package io.exporters.cloudflare.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A GraphQL answer as Cloudflare sends it: {@code data} (possibly partial, possibly null) and
 * every entry of {@code errors}, each with the path that says which scope and dataset it is
 * about ({@code ["viewer", "zones", "3", "firewallEventsAdaptiveGroups"]}).
 */
public record GraphQlAnswer(JsonNode data, List<Error> errors) {
  /** One entry of {@code errors[]}. */
  public record Error(String message, List<String> path, ErrorClass errorClass) {
    /** The index into the scope list ({@code zones} or {@code accounts}), or -1. */
    public int scopeIndex() {
      if (path.size() < 3) {
        return -1;
      }
      try {
        return Integer.parseInt(path.get(2));
      } catch (NumberFormatException e) {
        return -1;
      }
    }

    /** The field (our alias) the error is about, or null for a whole-request error. */
    public String field() {
      return path.size() >= 4 ? path.get(3) : null;
    }
  }

  public GraphQlAnswer {
    errors = List.copyOf(errors);
  }

  static GraphQlAnswer of(JsonNode body) {
    List<Error> errors = new ArrayList<>();
    for (JsonNode e : body.path("errors")) {
      String message = e.path("message").asText("");
      List<String> path = new ArrayList<>();
      for (JsonNode p : e.path("path")) {
        path.add(p.asText());
      }
      errors.add(new Error(message, path, ErrorClass.ofMessage(message)));
    }
    JsonNode data = body.get("data");
    return new GraphQlAnswer(data == null || data.isNull() ? null : data, errors);
  }

  /** The elements of {@code data.viewer.<scopes>} (zones or accounts); empty without data. */
  public JsonNode scopes(String scopes) {
    return data == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
        : data.path("viewer").path(scopes);
  }
}
