package io.exporters.scraper.collector;

import io.exporters.common.backend.HttpApi;
import io.exporters.common.backend.Target;
import io.exporters.common.collector.Collector;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricSink;
import io.exporters.scraper.model.ProbeMetrics;
import io.exporters.scraper.modules.ModuleSet;
import io.exporters.scraper.modules.StaticProbe;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The scraper's one collector: a /probe target is probed with its module and answered as
 * blackbox answers (its log for debug=true); the static-targets target of /metrics probes every
 * configured target. Targets say which they are by {@link ProbeTargets} options.
 */
public final class ProbeCollector implements Collector<HttpApi> {
  private final ModuleSet modules;
  private final ProbeRunner runner;
  private final Executor executor;
  private final StaticProbes staticProbes = new StaticProbes();

  public ProbeCollector(ModuleSet modules, ProbeHistory history, Executor executor) {
    this.modules = modules;
    this.runner = new ProbeRunner(modules.budget(), history);
    this.executor = executor;
  }

  @Override
  public void collect(ScrapeContext<HttpApi> ctx, MetricSink sink) throws Exception {
    Target target = ctx.target();
    if (ProbeTargets.isStatic(target)) {
      staticProbes.probe(modules.staticProbes(), modules.settings().concurrency(), runner,
          executor, ctx.deadline(), sink);
      return;
    }
    String moduleName = target.options().get(ProbeTargets.MODULE);
    var module = modules.module(moduleName).orElseThrow(() ->
        new IllegalStateException("module " + moduleName + " is not in this configuration"));
    ProbeResult result = runner.run(module, ProbeTargets.reveal(target),
        target.options().get(ProbeTargets.HOSTNAME), ctx.deadline());
    if (ProbeTargets.debug(target)) {
      result.log().forEach(ctx::debug);
    }
    ProbeMetrics.write(result.families(), sink, List.of(), List.of());
  }

  /** Missed the deadline or threw: blackbox's failure series, so alerts on failure fire. */
  @Override
  public void reportFailure(MetricSink sink, Target target, double durationSeconds) {
    if (!ProbeTargets.isStatic(target)) {
      ProbeRunner.timedOut(durationSeconds).writeTo(sink, List.of(), List.of());
      return;
    }
    ProbeMetrics failed = ProbeRunner.timedOut(durationSeconds);
    for (StaticProbe p : modules.staticProbes()) {
      failed.writeTo(sink, StaticProbes.LABELS, List.of(p.module().name(), p.label()));
    }
  }
}
