package io.exporters.cloudflare.poll;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls in the background for the life of the process: one poll now, then one every
 * SCRAPE_INTERVAL (read from the settings in force each time), a few GraphQL requests at once.
 * A poll that fails is logged and the next one runs as usual: the process never exits on an API
 * error. Built without its thread ({@link #manual}), tests run polls themselves.
 */
public final class Poller implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(Poller.class);
  /** GraphQL requests in flight at once: Cloudflare refuses "too many queries in progress". */
  static final int PARALLEL_REQUESTS = 3;

  private final ExecutorService requests;
  private final PollCycle cycle;
  private final Supplier<Duration> interval;
  private final Object sleeper = new Object();
  private volatile boolean closed;
  private Thread thread;

  private Poller(CloudflareData data, Supplier<PollSettings> settings,
      Supplier<Duration> interval) {
    this.requests = Executors.newFixedThreadPool(PARALLEL_REQUESTS, daemon("cloudflare-query"));
    this.cycle = new PollCycle(data, settings, requests);
    this.interval = interval;
  }

  /** A poller that polls on its own thread. */
  public static Poller start(CloudflareData data, Supplier<PollSettings> settings,
      Supplier<Duration> interval) {
    Poller p = new Poller(data, settings, interval);
    p.thread = daemon("cloudflare-poller").newThread(p::loop);
    p.thread.start();
    return p;
  }

  /** A poller whose polls run only when {@link #pollOnce} is called. */
  public static Poller manual(CloudflareData data, Supplier<PollSettings> settings) {
    return new Poller(data, settings, () -> Duration.ofMinutes(1));
  }

  /** Runs one poll now; failures are logged, never thrown. */
  public void pollOnce() {
    try {
      cycle.run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | Error e) {
      logger.atError().setCause(e).log("poll failed; the next one runs as usual");
    }
  }

  private void loop() {
    while (!closed) {
      long started = System.nanoTime();
      pollOnce();
      long waitMillis = interval.get().toMillis()
          - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      synchronized (sleeper) {
        if (!closed && waitMillis > 0) {
          try {
            sleeper.wait(waitMillis);
          } catch (InterruptedException e) {
            return;
          }
        }
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    closed = true;
    synchronized (sleeper) {
      sleeper.notifyAll();
    }
    if (thread != null) {
      thread.interrupt();
      thread.join(5_000);
    }
    requests.shutdownNow();
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
