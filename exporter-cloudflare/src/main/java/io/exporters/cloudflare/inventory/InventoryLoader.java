package io.exporters.cloudflare.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.exporters.cloudflare.api.ApiException;
import io.exporters.cloudflare.api.CloudflareClient;
import io.exporters.cloudflare.api.ErrorClass;
import io.exporters.cloudflare.api.RestPages;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists zones and accounts through the REST API, every page, and keeps the answer for a TTL so
 * the REST budget goes to data. A failed listing keeps the last good inventory (the error is
 * returned for the caller to report); an account-scoped token that may not list accounts gets
 * its accounts from CF_ACCOUNTS, or from its zones' accounts.
 */
public final class InventoryLoader {
  /** An inventory and, when listing failed, why (the previous inventory is kept then). */
  public record Result(Inventory inventory, ApiException error, boolean refreshed) {}

  private Inventory current;
  private Instant loadedAt = Instant.MIN;
  private Object loadedFor;

  /** The inventory to poll now, listed again when older than {@code ttl} or asked differently. */
  public synchronized Result refresh(CloudflareClient client, InventoryFilter filter,
      Object identity, Duration ttl, Instant now) {
    Object key = List.of(filter, identity);
    if (current != null && key.equals(loadedFor) && now.isBefore(loadedAt.plus(ttl))) {
      return new Result(current, null, false);
    }
    try {
      current = list(client, filter);
      loadedAt = now;
      loadedFor = key;
      return new Result(current, null, true);
    } catch (ApiException e) {
      return new Result(current == null ? Inventory.empty() : current, e, false);
    }
  }

  private static Inventory list(CloudflareClient client, InventoryFilter filter)
      throws ApiException {
    List<Scope> accounts = new ArrayList<>();
    boolean accountsListed = true;
    if (!filter.accounts().isEmpty()) {
      for (String id : filter.accounts()) {
        accounts.add(account(client, id));
      }
    } else {
      try {
        for (JsonNode a : RestPages.all(client, "accounts", List.of("accounts"), Map.of())) {
          accounts.add(Scope.account(a.path("id").asText(), a.path("name").asText()));
        }
      } catch (ApiException e) {
        if (e.errorClass() != ErrorClass.PERMISSION) {
          throw e;
        }
        accountsListed = false;
      }
    }
    List<JsonNode> zoneJson = new ArrayList<>();
    if (!filter.accounts().isEmpty()) {
      for (String id : filter.accounts()) {
        zoneJson.addAll(RestPages.all(client, "zones", List.of("zones"),
            Map.of("account.id", id)));
      }
    } else {
      zoneJson.addAll(RestPages.all(client, "zones", List.of("zones"), Map.of()));
    }
    List<Scope> zones = new ArrayList<>();
    Map<String, Scope> zoneAccounts = new LinkedHashMap<>();
    int excluded = 0;
    int inactive = 0;
    for (JsonNode z : zoneJson) {
      String id = z.path("id").asText();
      String name = z.path("name").asText();
      if (!filter.wants(id, name)) {
        excluded++;
        continue;
      }
      if (!"active".equals(z.path("status").asText("active"))) {
        inactive++;
        continue;
      }
      JsonNode account = z.path("account");
      Scope zone = Scope.zone(id, name, account.path("id").asText(""),
          account.path("name").asText(""), z.path("plan").path("id").asText(""));
      zones.add(zone);
      zoneAccounts.putIfAbsent(zone.accountId(),
          Scope.account(zone.accountId(), zone.accountName()));
    }
    if (!accountsListed) {
      accounts.addAll(zoneAccounts.values());
    }
    return new Inventory(zones, accounts, excluded, inactive);
  }

  /** {@code GET /accounts/{id}}; a token that may not read it still polls the id. */
  private static Scope account(CloudflareClient client, String id) throws ApiException {
    try {
      JsonNode result = client.get("account", List.of("accounts", id), Map.of()).path("result");
      return Scope.account(id, result.path("name").asText(id));
    } catch (ApiException e) {
      if (e.errorClass() == ErrorClass.PERMISSION) {
        return Scope.account(id, id);
      }
      throw e;
    }
  }
}
