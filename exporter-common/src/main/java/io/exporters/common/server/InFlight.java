package io.exporters.common.server;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Duration;

/**
 * Requests being answered, for a graceful stop: once draining, a new request gets a 503 and the
 * connection is closed, and {@link #drain} waits for those in flight to finish.
 */
final class InFlight {
  private int count;
  private boolean draining;

  /** {@code handler}, counted while it runs; refused while draining. */
  Handler track(Handler handler) {
    return ctx -> {
      if (!enter()) {
        refuse(ctx);
        return;
      }
      try {
        handler.handle(ctx);
      } finally {
        leave();
      }
    };
  }

  private synchronized boolean enter() {
    if (draining) {
      return false;
    }
    count++;
    return true;
  }

  private synchronized void leave() {
    if (--count == 0) {
      notifyAll();
    }
  }

  private static void refuse(Context ctx) {
    ctx.status(503).header("Connection", "close").header("Retry-After", "1")
        .contentType(ExporterServer.TEXT).result("shutting down\n");
  }

  synchronized int count() {
    return count;
  }

  /** Refuses new requests and waits up to {@code grace} for the rest; how many did not end. */
  synchronized int drain(Duration grace) throws InterruptedException {
    draining = true;
    long until = System.nanoTime() + grace.toNanos();
    while (count > 0) {
      long left = until - System.nanoTime();
      if (left <= 0) {
        break;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return count;
  }
}
