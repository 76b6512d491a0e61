package io.exporters.scraper;

import io.exporters.common.backend.HttpApi;
import io.exporters.common.backend.Target;
import io.exporters.common.collector.Collector;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricSink;
import java.net.URI;
import java.util.List;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Probes URLs with GET under the scrape deadline, as blackbox_exporter's http prober: success,
 * status code and duration. A probe target gives one unlabelled result; the configured /metrics
 * targets give one result each, labelled {@code target}.
 */
final class HttpProbeCollector implements Collector<HttpApi> {
  static final String URLS_OPTION = "urls";

  @Override
  public void collect(ScrapeContext<HttpApi> ctx, MetricSink sink) throws Exception {
    HttpApi http = ctx.connection();
    String urls = ctx.target().options().get(URLS_OPTION);
    boolean labelled = urls != null;
    List<String> targets = labelled ? List.of(urls.split(",")) : List.of(ctx.target().address());
    String[] labels = labelled ? new String[] {"target"} : new String[0];
    MetricSink.SeriesWriter success = sink.gauge("probe_success",
        "Displays whether or not the probe was a success", labels);
    MetricSink.SeriesWriter status = sink.gauge("probe_http_status_code",
        "Response HTTP status code", labels);
    MetricSink.SeriesWriter duration = sink.gauge("probe_duration_seconds",
        "Returns how long the probe took to complete in seconds", labels);
    for (String url : targets) {
      String[] values = labelled ? new String[] {withoutCredentials(url)} : new String[0];
      long start = System.nanoTime();
      int code = 0;
      try (Response response = http.execute(new Request.Builder().url(url).get().build(),
          ctx.deadline())) {
        code = response.code();
      } catch (java.io.IOException | IllegalArgumentException e) {
        code = 0;
      }
      success.add(code >= 200 && code < 300 ? 1 : 0, values);
      status.add(code, values);
      duration.add((System.nanoTime() - start) / 1e9, values);
    }
  }

  /** A probe that failed or missed its deadline still says so, as blackbox does. */
  @Override
  public void reportFailure(MetricSink sink, Target target, double durationSeconds) {
    String urls = target.options().get(URLS_OPTION);
    boolean labelled = urls != null;
    String[] labels = labelled ? new String[] {"target"} : new String[0];
    MetricSink.SeriesWriter success = sink.gauge("probe_success",
        "Displays whether or not the probe was a success", labels);
    MetricSink.SeriesWriter duration = sink.gauge("probe_duration_seconds",
        "Returns how long the probe took to complete in seconds", labels);
    for (String url : labelled ? List.of(urls.split(",")) : List.of(target.address())) {
      String[] values = labelled ? new String[] {withoutCredentials(url)} : new String[0];
      success.add(0, values);
      duration.add(durationSeconds, values);
    }
  }

  /** The URL as a label may show it: user info (a password) removed. */
  static String withoutCredentials(String url) {
    try {
      URI uri = URI.create(url);
      if (uri.getRawUserInfo() == null) {
        return url;
      }
      return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getRawPath(),
          null, null).toString() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    } catch (IllegalArgumentException | java.net.URISyntaxException e) {
      return "(invalid URL)";
    }
  }
}
