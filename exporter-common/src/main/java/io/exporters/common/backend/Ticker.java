package io.exporters.common.backend;

/**
 * The monotonic clock deadlines, TTLs and idle timeouts are measured on: the system's, or a
 * test's manual one, so the engine's timing can be tested without waiting.
 */
@FunctionalInterface
public interface Ticker {
  Ticker SYSTEM = System::nanoTime;

  long nanos();
}
