package io.exporters.common.exposition;

import io.exporters.common.metrics.MetricFamily;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One family's text per exposition format, for families served again as the same object. A family
 * written once (most are: collectors build new ones every scrape) costs only a flag; the text is
 * kept from its writing in a second round on, when the family has shown it lives across scrapes.
 * Writings for the same round (its answer in text and in gzip, say) do not count: keeping the
 * text of a 59,000-series round doubled its memory for nothing.
 */
final class KeptText {
  private static final int FORMATS = Exposition.Format.values().length;

  private final AtomicIntegerArray writes = new AtomicIntegerArray(FORMATS);
  private final AtomicIntegerArray lastRound = new AtomicIntegerArray(FORMATS);
  private final AtomicReferenceArray<byte[]> text = new AtomicReferenceArray<>(FORMATS);

  /** The family's kept text, made on first use in the family's slot for the writers. */
  static KeptText of(MetricFamily family) {
    Object slot = family.writerCache();
    if (slot instanceof KeptText kept) {
      return kept;
    }
    KeptText kept = new KeptText();
    return family.writerCache(kept) instanceof KeptText won ? won : kept;
  }

  /** The kept text in this format, or null. */
  byte[] get(Exposition.Format format) {
    return text.get(format.ordinal());
  }

  /**
   * Counts a writing for {@code round} (a token of the round's answer); true when the family was
   * written in this format before, for another round (keep it now).
   */
  boolean writtenBefore(Exposition.Format format, int round) {
    int previous = lastRound.getAndSet(format.ordinal(), round);
    return writes.getAndIncrement(format.ordinal()) > 0 && previous != round;
  }

  void keep(Exposition.Format format, byte[] bytes) {
    text.set(format.ordinal(), bytes);
  }
}
