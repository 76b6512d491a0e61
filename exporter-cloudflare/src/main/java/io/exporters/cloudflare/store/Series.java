package io.exporters.cloudflare.store;

import java.util.Arrays;

/** One stored series as published: label values (in the family's label order) and value. */
public final class Series {
  private final String[] labels;
  private final double value;

  Series(String[] labels, double value) {
    this.labels = labels;
    this.value = value;
  }

  /** The label values; the array is shared, do not change it. */
  public String[] labels() {
    return labels;
  }

  public double value() {
    return value;
  }

  @Override
  public String toString() {
    return Arrays.toString(labels) + " " + value;
  }
}
