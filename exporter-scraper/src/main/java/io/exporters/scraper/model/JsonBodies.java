package io.exporters.scraper.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Parses response bodies as JSON, once per probe for every analyser that reads it, with limits
 * a hostile body cannot talk its way past: nesting depth, string and number lengths.
 */
public final class JsonBodies {
  private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(64).maxStringLength(1 << 20).maxNumberLength(64).build())
      .build());

  private JsonBodies() {}

  public static JsonNode parse(byte[] body) throws ProbeFailure {
    if (body == null || body.length == 0) {
      throw new ProbeFailure(FailureReason.JSON, "the body is empty, not JSON");
    }
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw new ProbeFailure(FailureReason.JSON, "the body is not JSON");
      }
      return node;
    } catch (IOException e) {
      String where = e instanceof com.fasterxml.jackson.core.JsonProcessingException p
          && p.getLocation() != null ? " at line " + p.getLocation().getLineNr() + ", column "
              + p.getLocation().getColumnNr() : "";
      throw new ProbeFailure(FailureReason.JSON, "the body is not valid JSON" + where);
    }
  }

  /** Whether the body looks like JSON (first non-blank byte opens an object or array). */
  public static boolean looksLikeJson(byte[] body) {
    if (body == null) {
      return false;
    }
    for (byte b : body) {
      if (b == '{' || b == '[') {
        return true;
      }
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return false;
  }
}
