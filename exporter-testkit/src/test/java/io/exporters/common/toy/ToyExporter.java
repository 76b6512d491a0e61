package io.exporters.common.toy;

import io.exporters.common.app.ExporterApp;
import io.exporters.common.app.ExporterDefinition;
import io.exporters.common.backend.Backend;
import io.exporters.common.backend.Deadline;
import io.exporters.common.backend.Target;
import io.exporters.common.backend.TargetConnector;
import io.exporters.common.backend.Version;
import io.exporters.common.collector.CollectorCatalog;
import io.exporters.common.collector.CollectorSpec;
import io.exporters.common.config.AuthModule;
import io.exporters.common.config.ConfigException;
import io.exporters.common.config.ConfigSchema;
import io.exporters.common.config.EnvSpec;
import io.exporters.common.config.FlagSpec;
import io.exporters.common.config.LoadedConfig;
import io.exporters.common.metrics.MetricSink;
import io.exporters.common.server.ProbeRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A small exporter over {@link ToyBackend}, used to prove the core's behaviour end to end. */
public class ToyExporter implements ExporterDefinition<ToyConnection, ToySettings> {
  static final CollectorCatalog<ToyConnection> COLLECTORS = CollectorCatalog.of(
      CollectorSpec.<ToyConnection>of("alpha", "the backend's value", (ctx, sink) -> {
        ToyConnection c = ctx.connection();
        ctx.debug("asked " + c.backend.name + " for its value");
        c.backend.called("alpha");
        sink.gauge("toy_alpha_value", "The toy value.", "source").add(c.backend.value, "alpha");
      }),
      CollectorSpec.<ToyConnection>of("slow", "sleeps as long as the backend says", (ctx, sink) -> {
        ToyConnection c = ctx.connection();
        c.backend.called("slow");
        sink.gauge("toy_slow_value", "Written after the delay.").add(1);
      }).disabledByDefault(),
      CollectorSpec.<ToyConnection>of("broken", "always throws", (ctx, sink) -> {
        ctx.connection().backend.called("broken");
        sink.gauge("toy_broken_partial", "Written before the failure.").add(1);
        throw new IOException("relation \"toy\" does not exist");
      }).disabledByDefault(),
      CollectorSpec.<ToyConnection>of("cached", "expensive, cached for an hour", (ctx, sink) -> {
        ToyConnection c = ctx.connection();
        c.backend.called("cached");
        sink.gauge("toy_cached_calls", "How often the cached collector ran.")
            .add(c.backend.calls("cached"));
      }).ttl(Duration.ofHours(1)).disabledByDefault(),
      CollectorSpec.<ToyConnection>of("dupes", "writes a series twice", (ctx, sink) -> {
        ctx.connection().backend.called("dupes");
        sink.counter("toy_events", "Events, a counter without _total as some anchors have.",
            "kind").add(1, "a");
        sink.counter("toy_events", "Events.", "kind").add(2, "a");
        sink.counter("toy_events", "Events.", "kind").add(3, "b");
      }).disabledByDefault(),
      CollectorSpec.<ToyConnection>of("modern", "needs backend 2.0", (ctx, sink) -> {
        ctx.connection().backend.called("modern");
        sink.gauge("toy_modern", "Only on 2.0+.").add(1);
      }).versions(Version.of(2, 0), null).disabledByDefault(),
      CollectorSpec.<ToyConnection>of("wide", "many series with long label values",
          (ctx, sink) -> {
            ctx.connection();
            int count = Integer.parseInt(ctx.options().getOrDefault("count", "1000"));
            // One string shared by every series: small in memory, large once written out.
            String label = "x".repeat(Integer.parseInt(
                ctx.options().getOrDefault("label_bytes", "1000")));
            MetricSink.SeriesWriter w = sink.gauge("toy_wide", "Wide series.", "n", "label");
            for (int i = 0; i < count; i++) {
              w.add(i, Integer.toString(i), label);
            }
          }).options("count", "label_bytes").disabledByDefault(),
      CollectorSpec.<ToyConnection>of("histo", "a histogram", (ctx, sink) -> {
        ctx.connection();
        sink.histogram("toy_latency_seconds", "A histogram.", "op").addHistogram(
            new double[] {0.1, 1}, new long[] {2, 5}, 3.5, 6, "read");
      }).options("buckets").disabledByDefault());

  @Override
  public String name() {
    return "toy_exporter";
  }

  @Override
  public String namespace() {
    return "toy";
  }

  @Override
  public String description() {
    return "Exports a toy backend, to test the shared core.";
  }

  @Override
  public CollectorCatalog<ToyConnection> collectors() {
    return COLLECTORS;
  }

  @Override
  public ConfigSchema<ToySettings> configSchema() {
    return ConfigSchema.builder(ToySettings.class, 9999, COLLECTORS)
        .envPrefix("TOY_EXPORTER_")
        .flags(FlagSpec.string("toy.backend", "backend", "Backend /metrics scrapes."))
        .env(EnvSpec.string("TOY_BACKEND", "backend"), EnvSpec.secret("TOY_PASSWORD", "password"))
        .validator((settings, tree) -> {
          if (settings.backend() != null && settings.backend().contains(" ")) {
            throw new ConfigException(tree.sourceOf("backend")
                + ": key 'backend': must not contain spaces");
          }
        })
        .build();
  }

  @Override
  public Backend<ToyConnection> backend(LoadedConfig<ToySettings> config) {
    return Backend.pooled(new TargetConnector<>() {
      @Override
      public ToyConnection connect(Target target, Deadline deadline) throws Exception {
        ToyBackend backend = ToyBackend.named(target.address().substring("toy://".length()));
        if (backend.down) {
          throw new IOException("connection refused by " + target);
        }
        backend.connects.incrementAndGet();
        backend.openConnections.incrementAndGet();
        return new ToyConnection(backend);
      }

      @Override
      public boolean isHealthy(ToyConnection c, Deadline deadline) {
        return !c.closed && !c.backend.down;
      }

      @Override
      public void close(ToyConnection c) {
        if (!c.closed) {
          c.closed = true;
          c.backend.openConnections.decrementAndGet();
        }
      }

      @Override
      public Optional<Version> version(ToyConnection c) {
        return Optional.of(c.backend.version);
      }
    });
  }

  @Override
  public List<Target> defaultTargets(LoadedConfig<ToySettings> config) {
    String backend = config.settings() == null ? null : config.settings().backend();
    return backend == null ? List.of() : List.of(Target.of("toy://" + backend));
  }

  @Override
  public Target probeTarget(ProbeRequest request, LoadedConfig<ToySettings> config) {
    String target = request.target();
    if (!target.startsWith("toy://") || target.length() == "toy://".length()) {
      throw new IllegalArgumentException("target must look like toy://<name>, got '" + target
          + "'");
    }
    // A toy backend has a name and no port.
    Optional<AuthModule> module = request.authModule(config.common(),
        target.substring("toy://".length()), 0);
    return module.map(m -> new Target(target, "", m.userpass().username(),
            m.userpass().password(), m.options()))
        .orElse(Target.of(target));
  }

  @Override
  public List<String> probeAliases() {
    return List.of("/scrape");
  }

  /** For the exit-code test: runs the toy exporter as a process. */
  public static void main(String[] args) {
    ExporterApp.main(new ToyExporter(), args);
  }

  static Map<String, String> env(String... pairs) {
    java.util.Map<String, String> m = new java.util.HashMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }
}
