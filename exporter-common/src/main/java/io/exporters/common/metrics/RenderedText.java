package io.exporters.common.metrics;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One family's text per exposition format, for families served again as the same object. A family
 * written once (most are: collectors build new ones every scrape) costs only a flag; the text is
 * kept from its writing in a second round on, when the family has shown it lives across scrapes.
 * Writings for the same round (its answer in text and in gzip, say) do not count: keeping the
 * text of a 59,000-series round doubled its memory for nothing.
 */
public final class RenderedText {
  /** The formats a family is written in; each has its own text. */
  public enum Format { TEXT, OPENMETRICS }

  private final AtomicIntegerArray writes = new AtomicIntegerArray(Format.values().length);
  private final AtomicIntegerArray lastRound = new AtomicIntegerArray(Format.values().length);
  private final AtomicReferenceArray<byte[]> text =
      new AtomicReferenceArray<>(Format.values().length);

  /** The kept text in this format, or null. */
  public byte[] get(Format format) {
    return text.get(format.ordinal());
  }

  /**
   * Counts a writing for {@code round} (a token of the round's answer); true when the family was
   * written in this format before, for another round (keep it now).
   */
  public boolean writtenBefore(Format format, int round) {
    int previous = lastRound.getAndSet(format.ordinal(), round);
    return writes.getAndIncrement(format.ordinal()) > 0 && previous != round;
  }

  public void keep(Format format, byte[] bytes) {
    text.set(format.ordinal(), bytes);
  }
}
