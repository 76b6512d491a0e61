package io.exporters.common.backend;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when a test advances it, with a scheduler on that clock: what is
 * scheduled runs, on the advancing thread, when the clock passes its time. Deadlines, TTLs and
 * watchdogs can so be tested without waiting.
 */
public final class ManualClock implements Ticker {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final AtomicLong sequence = new AtomicLong();
  private final PriorityQueue<Task<?>> tasks = new PriorityQueue<>(
      Comparator.comparingLong((Task<?> t) -> t.dueNanos).thenComparingLong(t -> t.order));
  private final Scheduler scheduler = new Scheduler();

  @Override
  public long nanos() {
    return now.get();
  }

  public ScheduledExecutorService scheduler() {
    return scheduler;
  }

  /** Moves the clock on, running what falls due in order, each at its own time. */
  public void advance(Duration by) {
    long target = now.get() + by.toNanos();
    while (true) {
      Task<?> next;
      synchronized (tasks) {
        next = tasks.peek();
        if (next == null || next.dueNanos - target > 0) {
          break;
        }
        tasks.poll();
      }
      now.accumulateAndGet(next.dueNanos, Math::max);
      if (!next.isCancelled()) {
        next.run();
      }
    }
    now.set(target);
  }

  /** Tasks scheduled and neither run nor cancelled. */
  public int pending() {
    synchronized (tasks) {
      return (int) tasks.stream().filter(t -> !t.isCancelled()).count();
    }
  }

  private final class Task<V> extends FutureTask<V> implements ScheduledFuture<V> {
    final long dueNanos;
    final long order = sequence.incrementAndGet();

    Task(Callable<V> work, long dueNanos) {
      super(work);
      this.dueNanos = dueNanos;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(dueNanos - now.get(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
    }
  }

  private final class Scheduler extends AbstractExecutorService
      implements ScheduledExecutorService {
    private volatile boolean shutdown;

    private <V> ScheduledFuture<V> add(Callable<V> work, long delay, TimeUnit unit) {
      Task<V> task = new Task<>(work, now.get() + unit.toNanos(Math.max(0, delay)));
      synchronized (tasks) {
        tasks.add(task);
      }
      return task;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
      return add(Executors.callable(command), delay, unit);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
      return add(callable, delay, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay,
        long period, TimeUnit unit) {
      return scheduleWithFixedDelay(command, initialDelay, period, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay,
        long delay, TimeUnit unit) {
      return add(() -> {
        command.run();
        scheduleWithFixedDelay(command, delay, delay, unit);
        return null;
      }, initialDelay, unit);
    }

    @Override
    public void execute(Runnable command) {
      command.run();
    }

    @Override
    public void shutdown() {
      shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
      shutdown = true;
      return new ArrayList<>();
    }

    @Override
    public boolean isShutdown() {
      return shutdown;
    }

    @Override
    public boolean isTerminated() {
      return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
      return shutdown;
    }
  }
}
