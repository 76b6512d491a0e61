package io.exporters.common.backend;

import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * A process-wide cap on open backend connections, over the pools under it. A connection that
 * would pass the cap first makes room by closing the idlest idle connection under it; with none
 * idle it waits for one to be returned, until the deadline. {@code key} names the setting.
 */
final class ConnectionBudget {
  private final int max;
  private final String key;
  private int open;

  ConnectionBudget(int max, String key) {
    if (max < 1) {
      throw new IllegalArgumentException("the connection cap must be at least 1");
    }
    this.max = max;
    this.key = key;
  }

  int max() {
    return max;
  }

  String key() {
    return key;
  }

  /**
   * Takes one place. {@code closeIdlest} closes the idlest idle connection anywhere (giving its
   * place back) and says whether there was one.
   */
  void reserve(Deadline deadline, BooleanSupplier closeIdlest) throws Exception {
    while (true) {
      synchronized (this) {
        if (open < max) {
          open++;
          return;
        }
      }
      if (closeIdlest.getAsBoolean()) {
        continue;
      }
      synchronized (this) {
        if (open < max) {
          continue;
        }
        long waitMs = deadline.remainingMillis();
        if (waitMs <= 0) {
          throw new TimeoutException("all " + max + " backend connections of this exporter are "
              + "in use (" + key + ")");
        }
        wait(waitMs);
      }
    }
  }

  synchronized void release() {
    open--;
    notifyAll();
  }

  synchronized int open() {
    return open;
  }
}
