package io.exporters.cloudflare.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads every page of a paginated REST list ({@code page}/{@code per_page} with
 * {@code result_info.total_pages}), 50 per page as Cloudflare allows. Stops at the last page,
 * at an empty page, at a page that repeats an id already seen, or at a hard cap.
 */
public final class RestPages {
  static final int PER_PAGE = 50;
  private static final int MAX_PAGES = 200;

  private RestPages() {}

  public static List<JsonNode> all(CloudflareClient client, String endpoint,
      List<String> segments, Map<String, String> query) throws ApiException {
    List<JsonNode> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int page = 1; page <= MAX_PAGES; page++) {
      Map<String, String> q = new LinkedHashMap<>(query);
      q.put("page", Integer.toString(page));
      q.put("per_page", Integer.toString(PER_PAGE));
      JsonNode body = client.get(endpoint, segments, q);
      JsonNode result = body.path("result");
      boolean fresh = false;
      for (JsonNode item : result) {
        String id = item.path("id").asText("");
        if (id.isEmpty() || seen.add(id)) {
          out.add(item);
          fresh = true;
        }
      }
      int totalPages = body.path("result_info").path("total_pages").asInt(1);
      if (!fresh || page >= totalPages) {
        break;
      }
    }
    return out;
  }
}
