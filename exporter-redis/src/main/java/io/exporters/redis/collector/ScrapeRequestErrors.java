package io.exporters.redis.collector;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bad {@code /scrape} and {@code /probe} requests answered 400 since start, for redis_exporter's
 * {@code redis_target_scrape_request_errors_total}; one count for the whole process.
 */
public final class ScrapeRequestErrors {
  private static final AtomicLong COUNT = new AtomicLong();

  private ScrapeRequestErrors() {}

  public static void record() {
    COUNT.incrementAndGet();
  }

  static long count() {
    return COUNT.get();
  }
}
