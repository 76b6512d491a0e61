package io.exporters.cloudflare;

import io.exporters.cloudflare.collector.ExporterCollector;
import io.exporters.cloudflare.collector.SourceCollector;
import io.exporters.cloudflare.dataset.Source;
import io.exporters.cloudflare.dataset.Sources;
import io.exporters.cloudflare.poll.CloudflareData;
import io.exporters.cloudflare.settings.CloudflareSettings;
import io.exporters.common.collector.CollectorCatalog;
import io.exporters.common.collector.CollectorSpec;
import java.util.Set;

/**
 * The one registry of Cloudflare collectors: one per source (named as the source; off by
 * default only where lablabs had it off) and {@code exporter} for the poller's own metrics.
 * Switching a collector off also stops the API calls behind it.
 */
final class CloudflareCatalog {
  static final String EXPORTER = "exporter";

  private CloudflareCatalog() {}

  static CollectorCatalog<CloudflareData> of(CloudflareData data, CloudflareSettings settings) {
    CollectorCatalog<CloudflareData> catalog = new CollectorCatalog<>();
    for (Source source : Sources.all()) {
      CollectorSpec<CloudflareData> spec = CollectorSpec.of(source.name(), source.description(),
          new SourceCollector(source, data, Set.copyOf(settings.metricsDenylist())));
      catalog.add(source.enabledByDefault() ? spec : spec.disabledByDefault());
    }
    catalog.add(CollectorSpec.of(EXPORTER, "the poller's own metrics: API requests, budgets, "
        + "how far each dataset is counted", new ExporterCollector(data,
            settings.scrapeInterval())));
    return catalog;
  }

  static CloudflareSettings defaults() {
    return new CloudflareSettings(null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null);
  }
}
