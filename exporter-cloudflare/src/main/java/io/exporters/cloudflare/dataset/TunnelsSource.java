package io.exporters.cloudflare.dataset;

import static io.exporters.cloudflare.store.FamilySpec.gauge;

import com.fasterxml.jackson.databind.JsonNode;
import io.exporters.cloudflare.api.ApiException;
import io.exporters.cloudflare.api.CloudflareClient;
import io.exporters.cloudflare.api.RestPages;
import io.exporters.cloudflare.inventory.Scope;
import io.exporters.cloudflare.store.FamilySpec;
import io.exporters.cloudflare.store.StoreUpdate;
import java.util.List;
import java.util.Map;

/**
 * Cloudflare Tunnels of an account (REST {@code cfd_tunnel}, deleted ones left out): each
 * tunnel's status and its connectors with their versions and open connections.
 */
public final class TunnelsSource implements RestSource {
  static final String NAME = "tunnels";
  static final FamilySpec INFO = gauge(NAME, "cloudflare_tunnel_info",
      "Reports Cloudflare Tunnel information", "account", "tunnel_id", "tunnel_name",
      "tunnel_type");
  static final FamilySpec HEALTH = gauge(NAME, "cloudflare_tunnel_health_status",
      "Reports the health of a Cloudflare Tunnel: 0 down, 1 healthy, 2 degraded, 3 inactive, "
          + "255 unknown", "account", "tunnel_id");
  static final FamilySpec CONNECTOR = gauge(NAME, "cloudflare_tunnel_connector_info",
      "Reports Cloudflare Tunnel connector information", "account", "arch", "client_id",
      "origin_ip", "tunnel_id", "version");
  static final FamilySpec CONNECTIONS = gauge(NAME,
      "cloudflare_tunnel_connector_active_connections",
      "Reports the number of active connections of a Cloudflare Tunnel connector", "account",
      "client_id", "tunnel_id");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Cloudflare Tunnels' status and connectors (REST /accounts/{id}/cfd_tunnel)";
  }

  @Override
  public List<FamilySpec> families() {
    return List.of(INFO, HEALTH, CONNECTOR, CONNECTIONS);
  }

  @Override
  public String permission() {
    return "Account > Cloudflare Tunnel > Read";
  }

  @Override
  public void fetch(CloudflareClient client, Scope account, StoreUpdate out)
      throws ApiException {
    List<JsonNode> tunnels = RestPages.all(client, "tunnels",
        List.of("accounts", account.id(), "cfd_tunnel"), Map.of("is_deleted", "false"));
    families().forEach(f -> out.replace(f, account.id()));
    String a = account.accountRaw();
    for (JsonNode tunnel : tunnels) {
      String id = tunnel.path("id").asText("");
      out.gauge(INFO, account.id(), 1, a, id, tunnel.path("name").asText(""),
          tunnel.path("tun_type").asText(""));
      out.gauge(HEALTH, account.id(), health(tunnel.path("status").asText("")), a, id);
      if (!out.wants(CONNECTOR) && !out.wants(CONNECTIONS)) {
        continue;
      }
      JsonNode connectors = client.get("tunnel_connections",
          List.of("accounts", account.id(), "cfd_tunnel", id, "connections"), Map.of())
          .path("result");
      for (JsonNode c : connectors) {
        String clientId = c.path("id").asText("");
        JsonNode conns = c.path("conns");
        out.gauge(CONNECTOR, account.id(), 1, a, c.path("arch").asText(""), clientId,
            conns.path(0).path("origin_ip").asText(""), id, c.path("version").asText(""));
        out.gauge(CONNECTIONS, account.id(), conns.size(), a, clientId, id);
      }
    }
  }

  static double health(String status) {
    switch (status) {
      case "down":
        return 0;
      case "healthy":
        return 1;
      case "degraded":
        return 2;
      case "inactive":
        return 3;
      default:
        return 255;
    }
  }
}
