package io.exporters.common.scrape;

import io.exporters.common.backend.Target;
import io.exporters.common.backend.TargetKey;
import io.exporters.common.backend.Version;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs what goes wrong with collectors without flooding: the same failure every scrape (a
 * missing privilege, an absent extension) is logged once, then again only when it changes or
 * clears; a collector skipped for the backend's version is logged once per version.
 */
final class FailureLog {
  private static final Logger logger = LoggerFactory.getLogger(ScrapeEngine.class);

  private record Skip(TargetKey target, String collector, Version version) {}

  /** The up check's place among the collectors' failures (no collector has this name). */
  private static final String UP = "<up>";
  private final Map<CacheKey, String> lastFailure = new ConcurrentHashMap<>();
  private final Set<Skip> skips = ConcurrentHashMap.newKeySet();

  void failed(Target target, String collector, String reason) {
    if (!reason.equals(lastFailure.put(new CacheKey(target.key(), collector), reason))) {
      logger.atWarn().addKeyValue("collector", collector).addKeyValue("target", target)
          .addKeyValue("err", reason)
          .log("collector failed (logged again only when the error changes)");
    }
  }

  /** The backend did not answer the scrape's up check: logged once per target and error. */
  void unreachable(Target target, String reason) {
    if (!reason.equals(lastFailure.put(new CacheKey(target.key(), UP), reason))) {
      logger.atWarn().addKeyValue("target", target).addKeyValue("err", reason)
          .log("backend unreachable (logged again only when the error changes)");
    }
  }

  void reachable(Target target) {
    if (lastFailure.remove(new CacheKey(target.key(), UP)) != null) {
      logger.atInfo().addKeyValue("target", target).log("backend reachable again");
    }
  }

  void succeeded(Target target, String collector) {
    if (lastFailure.remove(new CacheKey(target.key(), collector)) != null) {
      logger.atInfo().addKeyValue("collector", collector).addKeyValue("target", target)
          .log("collector succeeded again");
    }
  }

  void skipped(Target target, String collector, Version version) {
    if (skips.add(new Skip(target.key(), collector, version))) {
      logger.atInfo().addKeyValue("collector", collector).addKeyValue("target", target)
          .addKeyValue("version", version)
          .log("collector does not apply to this backend version; skipping it");
    }
  }

  void forget(TargetKey target) {
    lastFailure.keySet().removeIf(k -> k.target().equals(target));
    skips.removeIf(s -> s.target().equals(target));
  }
}
