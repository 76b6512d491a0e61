package io.exporters.common.app;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the heap back after a burst of scrapes. The serial collector grows the old generation
 * while large answers are in flight and shrinks it (to MaxHeapFreeRatio) only at a full
 * collection, which a quiet exporter may not see for hours: memory would stay at its burst size.
 * When no scrape has started for a while and the old generation holds far more than it kept at
 * its last collection, one full collection returns the difference (a few ms for this heap).
 */
final class HeapTidy {
  private static final Logger logger = LoggerFactory.getLogger(HeapTidy.class);
  private static final long QUIET_NANOS = 10_000_000_000L;
  private static final long SLACK_BYTES = 8L * 1024 * 1024;

  private final List<MemoryPoolMXBean> oldGen = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(p -> p.getType() == MemoryType.HEAP && p.getCollectionUsage() != null
          && p.getName().toLowerCase().matches(".*(tenured|old).*"))
      .toList();
  private volatile long lastScrapeNanos = System.nanoTime();

  void scraped() {
    lastScrapeNanos = System.nanoTime();
  }

  /** Called now and then by the maintenance timer. */
  void tidy() {
    if (System.nanoTime() - lastScrapeNanos < QUIET_NANOS) {
      return;
    }
    for (MemoryPoolMXBean pool : oldGen) {
      MemoryUsage now = pool.getUsage();
      MemoryUsage afterLastGc = pool.getCollectionUsage();
      if (now.getCommitted() > 2 * afterLastGc.getUsed() + SLACK_BYTES) {
        logger.atDebug().addKeyValue("committed", now.getCommitted())
            .addKeyValue("live_at_last_gc", afterLastGc.getUsed())
            .log("returning heap grown by a burst of scrapes");
        System.gc();
        return;
      }
    }
  }
}
