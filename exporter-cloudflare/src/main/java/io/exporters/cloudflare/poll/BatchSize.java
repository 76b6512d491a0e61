package io.exporters.cloudflare.poll;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Zones per GraphQL query: the configured number (at most Cloudflare's ten), halved each time
 * Cloudflare finds a query too costly ("too many nodes, zones and accounts"), down to one.
 */
public final class BatchSize {
  private static final Logger logger = LoggerFactory.getLogger(BatchSize.class);

  private int configured;
  private int current;

  synchronized int current(int configuredNow) {
    if (configuredNow != configured) {
      configured = configuredNow;
      current = configuredNow;
    }
    return current;
  }

  synchronized void shrink(String reason) {
    if (current > 1) {
      current = Math.max(1, current / 2);
      logger.atWarn().addKeyValue("zones_per_query", current).addKeyValue("err", reason)
          .log("a query was too costly for Cloudflare; asking for fewer zones per query");
    }
  }

  public synchronized int value() {
    return current;
  }
}
