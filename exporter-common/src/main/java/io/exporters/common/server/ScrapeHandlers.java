package io.exporters.common.server;

import io.exporters.common.backend.Deadline;
import io.exporters.common.backend.Target;
import io.exporters.common.config.TargetNotAllowedException;
import io.exporters.common.exposition.Exposition;
import io.exporters.common.metrics.MetricFamily;
import io.exporters.common.scrape.ScrapeEngine;
import io.exporters.common.scrape.ScrapeResult;
import io.exporters.common.scrape.ScrapeTimeouts;
import io.exporters.common.secret.SecretMasker;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /metrics} and {@code /probe}: scrape through the engine under the request's deadline,
 * render as the client asked, answer. Scrapes that joined one round share its result, so they
 * share the rendered body too. A heap too small for the answer gives a 503 with the reason.
 */
final class ScrapeHandlers<C> {
  private static final Logger logger = LoggerFactory.getLogger(ExporterServer.class);

  /** The format a scrape asked for, and whether this exporter's own metrics are in it. */
  private record RenderKey(Exposition.Format format, boolean gzip, boolean withSelfMetrics) {}

  private final Supplier<? extends ServedConfig<C>> config;
  private final ScrapeEngine<C> engine;
  private final Supplier<List<MetricFamily>> selfMetrics;
  private final ScrapeAdmission admission;
  private final RenderedBodies bodies = new RenderedBodies();
  /** How far past its deadline an answer is still written (the default margin). */
  private static final long LATE_MILLIS = 500;

  ScrapeHandlers(Supplier<? extends ServedConfig<C>> config, ScrapeEngine<C> engine,
      Supplier<List<MetricFamily>> selfMetrics, ScrapeAdmission admission) {
    this.config = config;
    this.engine = engine;
    this.selfMetrics = selfMetrics;
    this.admission = admission;
  }

  void metrics(Context ctx) {
    if (!admission.enterMetrics()) {
      busy(ctx, ScrapeAdmission.METRICS + " scrapes of " + ctx.path() + " are in flight");
      return;
    }
    try {
      scrapeConfigured(ctx);
    } finally {
      admission.leaveMetrics();
    }
  }

  private void scrapeConfigured(Context ctx) {
    ServedConfig<C> served = config.get();
    try {
      Deadline deadline = served.timeouts().deadlineFor(ctx.header(ScrapeTimeouts.HEADER));
      ScrapeResult result = engine.scrapeAll(served.defaultTargets(), served.plan(), deadline,
          served::targetLabel);
      respond(ctx, result, true, deadline);
    } catch (OutOfMemoryError e) {
      outOfMemory(ctx);
    }
  }

  void probe(Context ctx) {
    if (!admission.enterProbe()) {
      busy(ctx, admission.maxProbes() + " probes are in flight (scrape.max_concurrent_probes)");
      return;
    }
    try {
      scrapeProbed(ctx);
    } finally {
      admission.leaveProbe();
    }
  }

  private void scrapeProbed(Context ctx) {
    ServedConfig<C> served = config.get();
    String target = ctx.queryParam("target");
    if (target == null || target.isBlank()) {
      badRequest(ctx, "missing required parameter 'target'");
      return;
    }
    String module = ctx.queryParam("auth_module");
    if (module == null) {
      module = ctx.queryParam("module");
    }
    Map<String, String> params = new LinkedHashMap<>();
    ctx.queryParamMap().forEach((k, v) -> params.put(k, v.isEmpty() ? "" : v.get(0)));
    ProbeRequest request = new ProbeRequest(target, module, params);
    Target resolved;
    try {
      resolved = served.probeTarget(request);
    } catch (TargetNotAllowedException e) {
      refuse(ctx, 403, SecretMasker.mask(e.getMessage()));
      return;
    } catch (IllegalArgumentException e) {
      // Exporters' messages name keys and positions, not values; masked all the same.
      badRequest(ctx, SecretMasker.mask(e.getMessage()));
      return;
    }
    try {
      Deadline deadline = served.timeouts().deadlineFor(ctx.header(ScrapeTimeouts.HEADER));
      ScrapeResult result = engine.scrape(resolved, served.plan(), deadline);
      if (request.debug()) {
        ctx.contentType(ExporterServer.TEXT).result(ProbeDebug.render(result,
            probeFamilies(served, result)));
        return;
      }
      if (served.probeShowsScrapeFamilies()) {
        respond(ctx, result, false, deadline);
      } else {
        ScrapeResult probeOnly = result.memo(PROBE_ONLY, () -> new ScrapeResult(result.up(),
            probeFamilies(served, result), result.outcomes(), result.droppedSeries(),
            result.durationSeconds()));
        respond(ctx, probeOnly, false, deadline);
      }
    } catch (OutOfMemoryError e) {
      outOfMemory(ctx);
    }
  }

  private static final Object PROBE_ONLY = new Object();

  /** The families a probe answers with: without the scrape's own unless the exporter wants them. */
  private static List<MetricFamily> probeFamilies(ServedConfig<?> served, ScrapeResult result) {
    if (served.probeShowsScrapeFamilies()) {
      return result.families();
    }
    String up = served.namespace() + "_up";
    String collectorFamilies = served.namespace() + "_scrape_collector_";
    List<MetricFamily> out = new ArrayList<>(result.families().size());
    for (MetricFamily f : result.families()) {
      if (!f.name().equals(up) && !f.name().startsWith(collectorFamilies)) {
        out.add(f);
      }
    }
    return out;
  }

  /** Renders and writes; while it does, scrapes arriving may join this result (ScrapeEngine). */
  private void respond(Context ctx, ScrapeResult result, boolean withSelfMetrics,
      Deadline deadline) {
    result.answering();
    try {
      renderAndWrite(ctx, result, withSelfMetrics, deadline);
    } finally {
      result.answered();
    }
  }

  private void renderAndWrite(Context ctx, ScrapeResult result, boolean withSelfMetrics,
      Deadline deadline) {
    if (deadline.overdueMillis() > LATE_MILLIS) {
      // Past the deadline and the margin after it: the scraper has given up; rendering and
      // writing for it would only take time from the scrapes still waiting.
      busy(ctx, "the scrape's deadline passed before its answer could be written");
      return;
    }
    RenderKey key = new RenderKey(Exposition.Format.negotiate(ctx.header("Accept")),
        Exposition.acceptsGzip(ctx.header("Accept-Encoding")), withSelfMetrics);
    RenderedBodies.Lease lease;
    try {
      // About 100 bytes a series written out; a compressed body takes no room.
      long estimate = key.gzip() ? 0 : 4096L + 100L * result.seriesCount();
      lease = bodies.acquire(result, key, estimate, deadline, () -> {
        try {
          return Exposition.render(result.families(), withSelfMetrics
              ? selfMetrics.get() : List.of(), key.format(), key.gzip());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (RenderedBodies.Busy e) {
      busy(ctx, e.getMessage());
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      busy(ctx, "interrupted");
      return;
    }
    try (lease) {
      Exposition.Body body = lease.body();
      ctx.status(200).contentType(body.contentType());
      if (body.contentEncoding() != null) {
        ctx.header("Content-Encoding", body.contentEncoding());
      }
      ctx.header("Content-Length", Long.toString(body.length()));
      // Straight to the connection: the body is rendered and compressed already, and going
      // through ctx.result() would copy it once more.
      try {
        body.writeTo(ctx.res().getOutputStream());
      } catch (IOException e) {
        logger.atDebug().addKeyValue("path", ctx.path()).addKeyValue("err", e.toString())
            .log("client went away during the answer");
      }
    }
  }

  /** Not enough heap for this answer: a clear 503 the scraper can record, not an empty 500. */
  private static void outOfMemory(Context ctx) {
    logger.atError().addKeyValue("path", ctx.path())
        .log("not enough memory to answer a scrape; raise -Xmx (see jvm.options)");
    ctx.status(503).contentType(ExporterServer.TEXT).header("Retry-After", "1")
        .result("not enough memory to answer this scrape now; retry, or raise the exporter's "
            + "heap (-Xmx in jvm.options)\n");
  }

  /** Over a cap: a 503 at once, logged at debug (a flood would otherwise flood the log). */
  private static void busy(Context ctx, String reason) {
    refuse(ctx, 503, "too busy: " + reason + "; retry");
    ctx.header("Retry-After", "1");
  }

  static void badRequest(Context ctx, String reason) {
    refuse(ctx, 400, reason);
  }

  private static void refuse(Context ctx, int status, String reason) {
    logger.atDebug().addKeyValue("path", ctx.path()).addKeyValue("status", status)
        .addKeyValue("reason", reason).log("request refused");
    ctx.status(status).contentType(ExporterServer.TEXT).result(reason + "\n");
  }
}
