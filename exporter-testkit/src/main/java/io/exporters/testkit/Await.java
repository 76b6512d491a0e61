package io.exporters.testkit;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * Waits for a condition by polling it until a deadline, instead of sleeping a fixed time that is
 * too long on a fast machine and too short on a slow one. Fails naming what was awaited and the
 * last value seen.
 */
public final class Await {
  private Await() {}

  /** Polls {@code condition} until it holds; fails after {@code within}. */
  public static void until(String what, Duration within, Callable<Boolean> condition) {
    value(what, within, condition, Boolean.TRUE::equals);
  }

  /** Polls {@code read} until {@code done} accepts what it returns, and returns that. */
  public static <T> T value(String what, Duration within, Callable<T> read,
      Predicate<? super T> done) {
    long until = System.nanoTime() + within.toNanos();
    long pauseMillis = 10;
    T last = null;
    Exception lastError = null;
    while (true) {
      try {
        last = read.call();
        lastError = null;
        if (done.test(last)) {
          return last;
        }
      } catch (Exception e) {
        lastError = e;
      }
      if (System.nanoTime() - until > 0) {
        AssertionError failure = new AssertionError("gave up after " + within.toMillis()
            + " ms waiting until " + what + "; last seen: " + last);
        if (lastError != null) {
          failure.initCause(lastError);
        }
        throw failure;
      }
      try {
        Thread.sleep(pauseMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting until " + what, e);
      }
      pauseMillis = Math.min(250, pauseMillis * 2);
    }
  }
}
