package io.exporters.scraper.collector;

import com.fasterxml.jackson.databind.JsonNode;
import io.exporters.common.backend.Deadline;
import io.exporters.scraper.health.HealthAnalyzer;
import io.exporters.scraper.http.BodyBudget;
import io.exporters.scraper.http.HttpOutcome;
import io.exporters.scraper.http.HttpProber;
import io.exporters.scraper.json.JsonExtractor;
import io.exporters.scraper.model.FailureReason;
import io.exporters.scraper.model.Families;
import io.exporters.scraper.model.JsonBodies;
import io.exporters.scraper.model.ProbeFailure;
import io.exporters.scraper.model.ProbeLog;
import io.exporters.scraper.model.ProbeMetrics;
import io.exporters.scraper.modules.Module;
import io.exporters.scraper.modules.Prober;
import io.exporters.scraper.net.TargetUrls;
import io.exporters.scraper.tcp.TcpProber;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one probe of one target with one module, as blackbox's handler does: the deadline (the
 * scrape's, capped by the module's timeout, a little kept back so the probe reports its own
 * timeout), the prober, the body analysers, retries when the module asks for them, then
 * probe_success, probe_duration_seconds and our failure reason. Records it in the history.
 */
public final class ProbeRunner {
  private static final Logger logger = LoggerFactory.getLogger(ProbeRunner.class);
  /** Kept back from the scrape deadline, at most: time to write the answer. */
  private static final long MARGIN_MILLIS = 100;

  private final BodyBudget budget;
  private final ProbeHistory history;

  public ProbeRunner(BodyBudget budget, ProbeHistory history) {
    this.budget = budget;
    this.history = history;
  }

  /** {@code target} as given (it may hold user info, shown nowhere). */
  public ProbeResult run(Module module, String target, String hostname, Deadline scrape) {
    long started = System.nanoTime();
    Instant at = Instant.now();
    Deadline deadline = probeDeadline(module, scrape);
    double budgetSeconds = deadline.remainingMillis() / 1000.0;
    String shown = TargetUrls.withoutUserInfo(target);
    ProbeLog log = new ProbeLog(module.name(), shown);
    log.info("Beginning probe", "probe", module.prober().label(), "timeout_seconds",
        budgetSeconds);
    ProbeMetrics metrics;
    ProbeFailure failure;
    int attempts = 0;
    do {
      attempts++;
      metrics = new ProbeMetrics();
      try {
        failure = once(module, target, hostname, deadline, log, metrics);
      } catch (RuntimeException e) {
        // A bug must cost this probe only, and say so.
        logger.atWarn().setCause(e).addKeyValue("module", module.name())
            .log("probe failed on an internal error");
        failure = new ProbeFailure(FailureReason.IO, "internal error: " + e);
      }
      if (failure == null || attempts > module.retries()
          || deadline.remainingMillis() < budgetSeconds * 100) {
        break;
      }
      log.info("Retrying", "attempt", attempts + 1, "reason", failure.reason().label());
    } while (true);
    double seconds = (System.nanoTime() - started) / 1e9;
    metrics.set(Families.SUCCESS, failure == null ? 1 : 0);
    metrics.set(Families.DURATION, seconds);
    metrics.set(Families.TIMEOUT, budgetSeconds);
    if (failure != null) {
      metrics.set(Families.FAILURE_INFO, 1, failure.reason().label());
    }
    if (module.retries() > 0) {
      metrics.set(Families.ATTEMPTS, attempts);
    }
    if (failure == null) {
      log.info("Probe succeeded", "duration_seconds", seconds);
    } else {
      log.error("Probe failed", "reason", failure.reason().label(), "duration_seconds", seconds);
    }
    log.raw("Module configuration:");
    module.configLines().forEach(log::raw);
    ProbeResult result = new ProbeResult(at, module.name(), shown, failure == null,
        failure == null ? null : failure.reason(), failure == null ? null : failure.getMessage(),
        seconds, metrics.families(), log.lines());
    history.add(result);
    return result;
  }

  private ProbeFailure once(Module module, String target, String hostname, Deadline deadline,
      ProbeLog log, ProbeMetrics metrics) {
    if (module.prober() == Prober.TCP) {
      return TcpProber.probe(module.tcp(), TargetUrls.hostPort(target), deadline, log, metrics);
    }
    try (BodyBudget.Share share = budget.share()) {
      HttpOutcome out = HttpProber.probe(module.http(), TargetUrls.http(target), hostname,
          module.analysesBody(), share, deadline, log, metrics);
      ProbeFailure failure = out.failure();
      if (!module.analysesBody() || out.body() == null) {
        return failure;
      }
      JsonNode json = null;
      ProbeFailure notJson = null;
      if (module.json() != null || JsonBodies.looksLikeJson(out.body())) {
        try {
          json = JsonBodies.parse(out.body());
        } catch (ProbeFailure f) {
          notJson = f;
        }
      }
      if (module.health() != null) {
        failure = first(failure, HealthAnalyzer.analyze(module.health(), out.body(), json,
            out.contentType(), out.statusCode(), metrics, log));
      }
      if (module.json() != null) {
        if (json == null) {
          log.error("Body is not JSON", "err", notJson.getMessage());
          failure = first(failure, notJson);
        } else {
          failure = first(failure, JsonExtractor.extract(module.json(), json, metrics, log));
        }
      }
      return failure;
    }
  }

  private static ProbeFailure first(ProbeFailure a, ProbeFailure b) {
    return a != null ? a : b;
  }

  /** The scrape's deadline less a margin, capped by the module's timeout. */
  static Deadline probeDeadline(Module module, Deadline scrape) {
    long remaining = scrape.remainingMillis();
    long margin = Math.min(MARGIN_MILLIS, remaining / 10);
    long millis = remaining - margin;
    Duration timeout = module.timeout();
    if (timeout != null && timeout.toMillis() < millis) {
      millis = timeout.toMillis();
    }
    return Deadline.in(Duration.ofMillis(Math.max(1, millis)));
  }

  /** What stands in for a probe that did not finish in time. */
  static ProbeMetrics timedOut(double seconds) {
    ProbeMetrics metrics = new ProbeMetrics();
    metrics.set(Families.SUCCESS, 0);
    metrics.set(Families.DURATION, seconds);
    metrics.set(Families.FAILURE_INFO, 1, FailureReason.TIMEOUT.label());
    return metrics;
  }
}
