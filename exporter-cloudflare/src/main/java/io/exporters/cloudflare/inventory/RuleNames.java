package io.exporters.cloudflare.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.exporters.cloudflare.api.ApiException;
import io.exporters.cloudflare.api.CloudflareClient;
import io.exporters.cloudflare.api.ErrorClass;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Firewall rule descriptions for the {@code rule} label, as lablabs writes them (lower case,
 * spaces as underscores, at most 200 characters; empty when unknown). Read from the zone's
 * managed and custom firewall rulesets only for zones that had events, and kept for an hour:
 * lablabs asked for them on every poll, which with many zones spends the REST budget. A read
 * refused for want of a permission is not tried again for the hour; any other failure after a
 * few minutes.
 */
public final class RuleNames {
  static final Set<String> PHASES =
      Set.of("http_request_firewall_managed", "http_request_firewall_custom");
  static final Duration TTL = Duration.ofHours(1);
  static final Duration RETRY = Duration.ofMinutes(5);
  private static final int MAX_CURSOR_PAGES = 20;
  private static final int MAX_LABEL = 200;

  /** The names read, and when to read them again. */
  private record Entry(Map<String, String> names, Instant readAgain) {}

  private final Map<String, Entry> byZone = new ConcurrentHashMap<>();

  /** The label for each rule id of {@code zone}; reads the rulesets when none are cached. */
  public Map<String, String> labels(CloudflareClient client, Scope zone, Instant now,
      Consumer<ApiException> onError) {
    Entry entry = byZone.get(zone.id());
    if (entry == null || !now.isBefore(entry.readAgain())) {
      Map<String, String> names = new HashMap<>();
      Instant next = now.plus(TTL);
      try {
        read(client, zone.id(), names);
      } catch (ApiException e) {
        onError.accept(e);
        if (e.errorClass() != ErrorClass.PERMISSION) {
          next = now.plus(RETRY);
        }
      }
      entry = new Entry(Map.copyOf(names), next);
      byZone.put(zone.id(), entry);
    }
    return entry.names();
  }

  public void forget(String zoneId) {
    byZone.remove(zoneId);
  }

  private static void read(CloudflareClient client, String zoneId, Map<String, String> names)
      throws ApiException {
    String cursor = "";
    for (int page = 0; page < MAX_CURSOR_PAGES; page++) {
      Map<String, String> query = new LinkedHashMap<>();
      if (!cursor.isEmpty()) {
        query.put("cursor", cursor);
      }
      JsonNode body = client.get("rulesets", List.of("zones", zoneId, "rulesets"), query);
      for (JsonNode ruleset : body.path("result")) {
        if (PHASES.contains(ruleset.path("phase").asText())) {
          JsonNode rules = client.get("ruleset", List.of("zones", zoneId, "rulesets",
              ruleset.path("id").asText()), Map.of()).path("result").path("rules");
          for (JsonNode rule : rules) {
            names.put(rule.path("id").asText(), label(rule.path("description").asText("")));
          }
        }
      }
      cursor = body.path("result_info").path("cursor").asText("");
      if (cursor.isEmpty()) {
        return;
      }
    }
  }

  static String label(String description) {
    String l = description.toLowerCase(Locale.ROOT).replace(' ', '_');
    return l.length() > MAX_LABEL ? l.substring(0, MAX_LABEL) : l;
  }
}
