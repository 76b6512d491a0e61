package io.exporters.cloudflare.poll;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Problems that need the operator (credentials rejected, a permission missing, rows cut
 * short): each logged once when it appears or changes, and once when it clears, and listed on
 * the status page while it lasts. Polls repeat every minute; logs must not.
 */
public final class Problems {
  private static final Logger logger = LoggerFactory.getLogger(Problems.class);

  private final Map<String, String> open = new ConcurrentHashMap<>();

  public void report(String key, String message) {
    if (!message.equals(open.put(key, message))) {
      logger.atWarn().addKeyValue("problem", key).log(message);
    }
  }

  public void clear(String key) {
    if (open.remove(key) != null) {
      logger.atInfo().addKeyValue("problem", key).log("resolved");
    }
  }

  /** Open problems by key. */
  public Map<String, String> open() {
    return new TreeMap<>(open);
  }
}
