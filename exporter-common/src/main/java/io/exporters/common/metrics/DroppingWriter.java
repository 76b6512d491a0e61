package io.exporters.common.metrics;

/** Takes the series of a family that clashes with an earlier one of another type: counts them. */
final class DroppingWriter implements MetricSink.SeriesWriter {
  private final int labels;
  private final Object lock;
  private final Runnable onDrop;

  DroppingWriter(int labels, Object lock, Runnable onDrop) {
    this.labels = labels;
    this.lock = lock;
    this.onDrop = onDrop;
  }

  @Override
  public void add(double value, String... labelValues) {
    drop(labelValues);
  }

  @Override
  public void addHistogram(
      double[] upperBounds, long[] cumulativeCounts, double sum, long count,
      String... labelValues) {
    drop(labelValues);
  }

  @Override
  public void addSummary(double[] quantiles, double[] values, double sum, long count,
      String... labelValues) {
    drop(labelValues);
  }

  private void drop(String[] labelValues) {
    if (labelValues.length != labels) {
      throw new IllegalArgumentException("expected " + labels + " label values");
    }
    synchronized (lock) {
      onDrop.run();
    }
  }
}
