package io.exporters.cloudflare.dataset;

import io.exporters.cloudflare.api.ApiException;
import io.exporters.cloudflare.api.CloudflareClient;
import io.exporters.cloudflare.inventory.Scope;
import io.exporters.cloudflare.store.StoreUpdate;

/** State read from a REST listing of an account on each poll (load balancer pools, tunnels). */
public interface RestSource extends Source {
  /** Reads the account's state; its gauges replace the account's previous ones. */
  void fetch(CloudflareClient client, Scope account, StoreUpdate out) throws ApiException;
}
