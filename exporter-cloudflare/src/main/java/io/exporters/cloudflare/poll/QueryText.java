package io.exporters.cloudflare.poll;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exporters.cloudflare.dataset.NodeContext;
import io.exporters.cloudflare.inventory.Scope;
import io.exporters.cloudflare.settings.LabelToggles;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The GraphQL document and variables of a planned query. Zone ids, account ids and times go
 * in typed variables; each distinct window gets its own pair ({@code $s0}, {@code $e0}...).
 */
final class QueryText {
  /** The document and its variables. */
  record Document(String query, ObjectNode variables) {}

  private QueryText() {}

  static Document of(PlannedQuery q, LabelToggles labels, int rowLimit) {
    ObjectNode vars = JsonNodeFactory.instance.objectNode();
    List<Window> windows = new ArrayList<>();
    StringBuilder nodes = new StringBuilder();
    StringBuilder decl = new StringBuilder();
    for (Map.Entry<PlannedQuery.Part, Window> e : q.windows().entrySet()) {
      Window w = e.getValue();
      int i = windows.indexOf(w);
      if (i < 0) {
        i = windows.size();
        windows.add(w);
        vars.put("s" + i, w.start().toString());
        vars.put("e" + i, w.end().toString());
        decl.append(", $s").append(i).append(": Time!, $e").append(i).append(": Time!");
      }
      String day = "\"" + w.end().minusMillis(1).atOffset(ZoneOffset.UTC).toLocalDate() + "\"";
      nodes.append(e.getKey().dataset().selection(new NodeContext("$s" + i, "$e" + i, day,
          "$limit", labels, e.getKey().basic())));
    }
    vars.put("limit", rowLimit);
    String scopeBlock;
    if (q.kind() == Scope.Kind.ZONE) {
      var zones = vars.putArray("zones");
      q.scopes().forEach(z -> zones.add(z.id()));
      decl.insert(0, "$zones: [string!]");
      scopeBlock = "zones(filter: {zoneTag_in: $zones}) {\nzoneTag\n";
    } else {
      vars.put("account", q.scopes().get(0).id());
      decl.insert(0, "$account: string!");
      scopeBlock = "accounts(filter: {accountTag: $account}) {\n";
    }
    String query = "query (" + decl + ", $limit: uint64!) {\nviewer {\n" + scopeBlock + nodes
        + "}\n}\n}";
    return new Document(query, vars);
  }
}
