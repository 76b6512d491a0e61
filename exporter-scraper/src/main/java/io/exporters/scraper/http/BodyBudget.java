package io.exporters.scraper.http;

import io.exporters.common.backend.Deadline;
import io.exporters.scraper.model.FailureReason;
import io.exporters.scraper.model.ProbeFailure;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Memory set aside for response bodies held by probes at once (for regexes, JSON and health
 * formats), over every probe of the process. A held body is charged {@value #FACTOR} times its
 * size (the bytes, the decoded text, a parsed tree); a probe that cannot get its share by its
 * deadline fails with reason {@code memory} instead of running the heap out.
 */
public final class BodyBudget {
  static final int FACTOR = 4;
  private static final int UNIT = 1024;

  private final Semaphore kibibytes;
  private final int total;

  public BodyBudget(long bytes) {
    this.total = (int) Math.min(Integer.MAX_VALUE, Math.max(1, bytes / UNIT));
    this.kibibytes = new Semaphore(total);
  }

  /** What one probe holds; give it back with {@link #close()}. */
  public final class Share implements AutoCloseable {
    private int held;

    /** Charges for {@code bytes} more of body, waiting until the deadline at most. */
    void grow(long bytes, Deadline deadline) throws ProbeFailure {
      int units = (int) Math.min(total, (bytes * FACTOR + UNIT - 1) / UNIT);
      if (held + units > total) {
        throw new ProbeFailure(FailureReason.MEMORY, "the body is larger than the memory set "
            + "aside for bodies (probes.buffered_bytes)");
      }
      try {
        if (!kibibytes.tryAcquire(units, deadline.remainingMillis(), TimeUnit.MILLISECONDS)) {
          throw new ProbeFailure(FailureReason.MEMORY, "bodies of other probes hold the memory "
              + "set aside for them (probes.buffered_bytes)");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ProbeFailure(FailureReason.TIMEOUT, "interrupted while waiting for memory");
      }
      held += units;
    }

    @Override
    public void close() {
      if (held > 0) {
        kibibytes.release(held);
        held = 0;
      }
    }
  }

  public Share share() {
    return new Share();
  }
}
