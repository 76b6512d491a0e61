package io.exporters.scraper.json;

import com.fasterxml.jackson.databind.JsonNode;

/** A node a path selected, with the key (or array index) it was found under. */
public record Match(JsonNode node, String key) {}
