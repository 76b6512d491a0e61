package io.exporters.common.toy;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.common.backend.ConnectionSource;
import io.exporters.common.config.LoadedConfig;
import io.exporters.common.server.Endpoint;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What an exporter can add to the core: a probe answer without the scrape's own families,
 * blackbox's debug output, pages of its own (listed on the landing page or not), its probe
 * module parameter, and background work with the generation in force.
 */
class ExtensionPointsTest {
  /** The toy exporter answering probes as blackbox does, with a page and a background task. */
  static final class Extended extends ToyExporter {
    final AtomicInteger ticks = new AtomicInteger();
    final AtomicBoolean stopped = new AtomicBoolean();
    volatile String backendSeen;

    @Override
    public boolean probeShowsScrapeFamilies() {
      return false;
    }

    @Override
    public Map<String, Endpoint> endpoints(LoadedConfig<ToySettings> config,
        ConnectionSource<ToyConnection> connections) {
      return Map.of("/toy-info", (params, deadline) -> Endpoint.Answer.json(
          "{\"backend\":\"" + config.settings().backend() + "\",\"ask\":\""
              + params.getOrDefault("ask", "") + "\"}"),
          "/toy-status", Endpoint.listed(() -> "ticks so far: " + ticks.get(),
              (params, deadline) -> Endpoint.Answer.text(200, "ticking")));
    }

    @Override
    public String probeModuleParameter() {
      return "module";
    }

    @Override
    public AutoCloseable background(Supplier<LoadedConfig<ToySettings>> current,
        ConnectionSource<ToyConnection> connections) {
      Thread t = new Thread(() -> {
        while (!stopped.get()) {
          backendSeen = current.get().settings().backend();
          ticks.incrementAndGet();
          try {
            Thread.sleep(20);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      t.start();
      return () -> {
        stopped.set(true);
        t.join();
      };
    }
  }

  @Test
  void probesAnswerWithoutTheScrapeFamiliesAndDebugShowsWhatHappened() throws Exception {
    ToyBackend.fresh("ext");
    Extended definition = new Extended();
    try (InProcessExporter e = InProcessExporter.start(definition,
        List.of("--toy.backend=ext"), Map.of())) {
      Exposition probe = e.get("/probe?target=toy://ext").exposition();
      assertThat(probe.names()).contains("toy_alpha_value")
          .doesNotContain("toy_up", "toy_scrape_collector_success");
      Exposition metrics = e.scrape();
      assertThat(metrics.names()).contains("toy_up", "toy_scrape_collector_success");

      String debug = e.get("/probe?target=toy://ext&debug=true").text();
      assertThat(debug).startsWith("Logs for the probe:\n")
          .contains("alpha: asked ext for its value", "alpha: success in ",
              "Metrics that would have been returned:", "toy_alpha_value{source=\"alpha\"} 42");

      InProcessExporter.Response page = e.get("/toy-info?ask=why");
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.text()).isEqualTo("{\"backend\":\"ext\",\"ask\":\"why\"}");

      // The landing page lists the pages that ask to be listed, with what they say per visit,
      // and its probe form names the exporter's module parameter.
      String landing = e.get("/").text();
      assertThat(landing).contains("href=\"toy-status\"", "ticks so far: ",
          "name=\"module\"", "?target=...&amp;module=... scrapes another target")
          .doesNotContain("href=\"toy-info\"", "name=\"auth_module\"");

      long until = System.nanoTime() + 5_000_000_000L;
      while (definition.ticks.get() < 3 && System.nanoTime() < until) {
        Thread.sleep(10);
      }
      assertThat(definition.backendSeen).isEqualTo("ext");
    }
    assertThat(definition.stopped).isTrue();
  }
}
