package io.exporters.common.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one way settings are shown (the landing page's effective configuration): serialised as
 * YAML by the config mapper, where every {@link io.exporters.common.secret.Secret} is written
 * as {@code <secret>}. Views that hold something secret hold it as a Secret, so nothing else
 * decides what is hidden.
 */
public final class Redaction {
  private static final ObjectMapper MAPPER = ConfigMapper.create();

  private Redaction() {}

  /** The top-level keys of every part (records, maps) merged into one YAML document. */
  public static String yaml(Object... parts) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (Object part : parts) {
      JsonNode node = MAPPER.valueToTree(part);
      if (node != null && node.isObject()) {
        out.setAll((ObjectNode) node);
      }
    }
    try {
      return MAPPER.writeValueAsString(out);
    } catch (JsonProcessingException e) {
      return "# cannot render the effective configuration: " + e.getOriginalMessage();
    }
  }

  /** A view as plain maps, lists and strings, secrets already replaced (for tests, for JSON). */
  public static Object plain(Object view) {
    return MAPPER.convertValue(view, Object.class);
  }
}
