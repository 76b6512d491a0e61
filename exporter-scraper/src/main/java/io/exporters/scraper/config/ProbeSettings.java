package io.exporters.scraper.config;

/**
 * {@code probes:} what bounds the prober as a whole: static targets probed at once on
 * /metrics, the default body size limit, the bytes of bodies held in memory at once over every
 * probe, and how many recent probes the history keeps.
 */
public record ProbeSettings(
    Integer concurrency, ByteSize bodySizeLimit, ByteSize bufferedBytes, Integer historyLimit) {

  public static final int DEFAULT_CONCURRENCY = 16;
  public static final ByteSize DEFAULT_BODY_SIZE_LIMIT = ByteSize.mebibytes(10);
  public static final ByteSize DEFAULT_BUFFERED_BYTES = ByteSize.mebibytes(16);
  public static final int DEFAULT_HISTORY_LIMIT = 100;

  public ProbeSettings {
    concurrency = concurrency == null ? DEFAULT_CONCURRENCY : concurrency;
    bodySizeLimit = bodySizeLimit == null ? DEFAULT_BODY_SIZE_LIMIT : bodySizeLimit;
    bufferedBytes = bufferedBytes == null ? DEFAULT_BUFFERED_BYTES : bufferedBytes;
    historyLimit = historyLimit == null ? DEFAULT_HISTORY_LIMIT : historyLimit;
  }

  public static ProbeSettings defaults() {
    return new ProbeSettings(null, null, null, null);
  }
}
