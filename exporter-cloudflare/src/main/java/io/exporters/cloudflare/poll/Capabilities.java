package io.exporters.cloudflare.poll;

import io.exporters.cloudflare.dataset.GraphQlDataset;
import io.exporters.cloudflare.inventory.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each scope may ask of each dataset, learnt from the API's answers (never guessed from
 * the plan id): all of it, the variant without paid-plan fields, or nothing. Learnt once, logged
 * once, and asked again only after a while (a plan or token can change) or at once when the
 * zone's plan changes.
 */
public final class Capabilities {
  private static final Logger logger = LoggerFactory.getLogger(Capabilities.class);
  static final Duration PLAN_RECHECK = Duration.ofHours(24);
  static final Duration PERMISSION_RECHECK = Duration.ofHours(1);

  /** What a scope may ask of a dataset. */
  public enum Level { FULL, BASIC, UNAVAILABLE }

  /** A scope that may not read a dataset, and why (for the status page and self-metrics). */
  public record Unavailable(Scope scope, String dataset, String reason) {}

  private record Mark(Level level, Scope scope, String reason, Instant until) {}

  private final Map<String, Mark> marks = new ConcurrentHashMap<>();
  private final Map<String, String> plans = new ConcurrentHashMap<>();

  private static String key(String scopeId, String dataset) {
    return scopeId + '/' + dataset;
  }

  public Level level(Scope scope, GraphQlDataset dataset, boolean freeTier, Instant now) {
    if (freeTier && scope.kind() == Scope.Kind.ZONE && !dataset.onFreePlan()) {
      return Level.UNAVAILABLE;
    }
    Mark mark = marks.get(key(scope.id(), dataset.name()));
    if (mark != null && !now.isBefore(mark.until())) {
      marks.remove(key(scope.id(), dataset.name()), mark);
      mark = null;
    }
    if (mark != null) {
      return mark.level();
    }
    return freeTier && dataset.hasBasicVariant() && scope.kind() == Scope.Kind.ZONE
        ? Level.BASIC : Level.FULL;
  }

  /** The plan lacks the dataset (or, with {@code fieldsOnly}, some of its fields). */
  void lacksPlan(Scope scope, GraphQlDataset dataset, boolean fieldsOnly, String message,
      Instant now) {
    Level level = fieldsOnly && dataset.hasBasicVariant() ? Level.BASIC : Level.UNAVAILABLE;
    String reason = level == Level.BASIC
        ? "its plan lacks some fields; reading it without them"
        : "not available to its plan";
    mark(scope, dataset, level, reason, message, now.plus(PLAN_RECHECK));
  }

  /** The token may not read the dataset for this scope. */
  void lacksPermission(Scope scope, GraphQlDataset dataset, String message, Instant now) {
    mark(scope, dataset, Level.UNAVAILABLE, "the API token lacks the permission '"
        + dataset.permission() + "'", message, now.plus(PERMISSION_RECHECK));
  }

  private void mark(Scope scope, GraphQlDataset dataset, Level level, String reason,
      String message, Instant until) {
    Mark previous = marks.put(key(scope.id(), dataset.name()),
        new Mark(level, scope, reason, until));
    if (previous == null || previous.level() != level) {
      logger.atWarn().addKeyValue("scope", scope.describe()).addKeyValue("dataset",
          dataset.name()).addKeyValue("node", dataset.node()).addKeyValue("err", message)
          .log(scope.describe() + ": dataset " + dataset.name() + " " + reason
              + (level == Level.UNAVAILABLE ? "; skipping it for this scope" : ""));
    }
  }

  /** A zone's plan changed: what it may read is learnt again. */
  void planSeen(Scope zone) {
    String previous = plans.put(zone.id(), zone.planId() == null ? "" : zone.planId());
    if (previous != null && !previous.equals(plans.get(zone.id()))) {
      forget(zone.id());
      plans.put(zone.id(), zone.planId() == null ? "" : zone.planId());
    }
  }

  void forget(String scopeId) {
    marks.keySet().removeIf(k -> k.startsWith(scopeId + '/'));
    plans.remove(scopeId);
  }

  /** Every (scope, dataset) that is not read now, by scope then dataset. */
  public List<Unavailable> unavailable() {
    List<Unavailable> out = new ArrayList<>();
    marks.forEach((k, m) -> {
      if (m.level() == Level.UNAVAILABLE) {
        out.add(new Unavailable(m.scope(), k.substring(k.indexOf('/') + 1), m.reason()));
      }
    });
    out.sort((a, b) -> a.scope().name().equals(b.scope().name())
        ? a.dataset().compareTo(b.dataset()) : a.scope().name().compareTo(b.scope().name()));
    return out;
  }
}
