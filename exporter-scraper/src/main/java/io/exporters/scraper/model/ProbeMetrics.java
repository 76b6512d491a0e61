package io.exporters.scraper.model;

import io.exporters.common.metrics.MetricBuffer;
import io.exporters.common.metrics.MetricFamily;
import io.exporters.common.metrics.MetricSink;
import io.exporters.common.metrics.Sample;
import java.util.ArrayList;
import java.util.List;

/**
 * The series of one probe, held apart until it is over: a probe cut off by the deadline leaves
 * nothing half-written, and the same series can be copied out unlabelled (/probe) or with the
 * static target's {@code module} and {@code target} labels (/metrics).
 */
public final class ProbeMetrics {
  private final MetricBuffer buffer = new MetricBuffer();

  public void set(Family family, double value, String... labelValues) {
    buffer.family(family.type(), family.name(), family.help(),
        family.labels().toArray(String[]::new)).add(value, labelValues);
  }

  /** Where body analysers (health, JSON) write their own families. */
  public MetricSink sink() {
    return buffer;
  }

  public List<MetricFamily> families() {
    return buffer.families();
  }

  /** Copies every series into {@code sink} with {@code names}={@code values} added. */
  public void writeTo(MetricSink sink, List<String> names, List<String> values) {
    write(families(), sink, names, values);
  }

  /** Copies finished families into {@code sink} with {@code names}={@code values} added. */
  public static void write(List<MetricFamily> families, MetricSink sink, List<String> names,
      List<String> values) {
    for (MetricFamily family : families) {
      List<Sample> samples = family.samples();
      if (samples.isEmpty()) {
        continue;
      }
      List<String> labelNames = new ArrayList<>(samples.get(0).labelNames());
      labelNames.addAll(names);
      MetricSink.SeriesWriter writer = sink.family(family.type(), family.name(), family.help(),
          labelNames.toArray(String[]::new));
      for (Sample sample : samples) {
        String[] labelValues = new String[labelNames.size()];
        for (int i = 0; i < sample.labelCount(); i++) {
          labelValues[i] = sample.labelValue(i);
        }
        for (int i = 0; i < values.size(); i++) {
          labelValues[sample.labelCount() + i] = values.get(i);
        }
        writer.add(sample.value(), labelValues);
      }
    }
  }
}
