package io.exporters.common.server;

import io.exporters.common.backend.Deadline;
import io.exporters.common.exposition.Exposition;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The rendered answers being written: uncompressed ones hold at most {@link #MAX_KIB} KiB at once
 * over the whole process (compressed ones are an eighth of the size and rendered straight into
 * the compressor: they take no room). Scrapes that joined one round and asked for the same
 * format and encoding share one body; a body lives while a scrape writes it, and lingers
 * {@link #LINGER_NANOS} after the last for joiners a moment behind, unless its room is wanted. A
 * body's room is reserved from an estimate before it is rendered (one larger than the whole room
 * takes all of it) and trimmed to its size after. A scrape that finds no room waits briefly for
 * some, then gets a 503: so memory does not grow with the number of formats asked (six formats
 * of a 59,000-series page held six 5 MB bodies per round, and ran a 48 MiB heap out).
 */
final class RenderedBodies {
  static final int MAX_KIB = 16 * 1024;
  static final long LINGER_NANOS = 250_000_000L;
  /**
   * How long a scrape waits for a place. Short: a waiting scrape holds its round's result, and a
   * flood of waiters would hold one result per round they came from.
   */
  static final long MAX_WAIT_MILLIS = 200;

  /** A body's place: the result it was made from (by identity) and what was asked. */
  private record Key(Object result, Object request) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.result == result && k.request.equals(request);
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(result) * 31 + request.hashCode();
    }
  }

  private static final class Entry {
    final FutureTask<Exposition.Body> render;
    /** KiB of room it holds; 0 for a compressed body. */
    int kib;
    int writers = 1;
    /** When the last writer left; 0 while written. */
    long idleSince;

    Entry(Supplier<Exposition.Body> make, int kib) {
      render = new FutureTask<>(make::get);
      this.kib = kib;
    }
  }

  /** A body to write; closing it says this scrape is done with it. */
  interface Lease extends AutoCloseable {
    Exposition.Body body();

    @Override
    void close();
  }

  /** No place for a new body by the deadline. */
  static final class Busy extends Exception {
    Busy() {
      super("the exporter is writing " + (MAX_KIB / 1024) + " MiB of other answers; retry");
    }
  }

  private final Semaphore places = new Semaphore(MAX_KIB);
  private final Map<Key, Entry> live = new HashMap<>();
  private final ArrayDeque<Key> lingering = new ArrayDeque<>();

  /**
   * {@code estimate}: the bytes an uncompressed body is expected to take, 0 for a compressed one
   * (which takes no room).
   */
  Lease acquire(Object result, Object request, long estimate, Deadline deadline,
      Supplier<Exposition.Body> make) throws Busy, InterruptedException {
    boolean large = estimate > 0;
    int kib = (int) Math.max(1, Math.min(MAX_KIB, (estimate + 1023) / 1024));
    Key key = new Key(result, request);
    Entry entry;
    boolean mine = false;
    synchronized (this) {
      dropLingering(System.nanoTime() - LINGER_NANOS, false);
      entry = live.get(key);
      if (entry != null) {
        entry.writers++;
        entry.idleSince = 0;
        lingering.remove(key);
      }
    }
    if (entry == null && !large) {
      synchronized (this) {
        entry = live.get(key);
        if (entry != null) {
          entry.writers++;
          entry.idleSince = 0;
          lingering.remove(key);
        } else {
          entry = new Entry(make, 0);
          live.put(key, entry);
          mine = true;
        }
      }
    }
    if (entry == null) {
      boolean room = places.tryAcquire(kib);
      while (!room) {
        boolean dropped;
        synchronized (this) {
          // Lingering bodies give their room to one being asked for.
          dropped = dropLingering(0, true);
        }
        if (!dropped) {
          break;
        }
        room = places.tryAcquire(kib);
      }
      if (!room && !places.tryAcquire(kib, Math.max(0, Math.min(MAX_WAIT_MILLIS,
          deadline.remainingMillis())), TimeUnit.MILLISECONDS)) {
        throw new Busy();
      }
      synchronized (this) {
        entry = live.get(key);
        if (entry != null) {
          // Made meanwhile by another scrape: share it, give the room back.
          entry.writers++;
          entry.idleSince = 0;
          lingering.remove(key);
          places.release(kib);
        } else {
          entry = new Entry(make, kib);
          live.put(key, entry);
          mine = true;
        }
      }
    }
    if (mine) {
      entry.render.run();
      trim(entry);
    }
    Entry held = entry;
    try {
      Exposition.Body body = held.render.get();
      return new Lease() {
        private boolean closed;

        @Override
        public Exposition.Body body() {
          return body;
        }

        @Override
        public void close() {
          if (!closed) {
            closed = true;
            release(key, held);
          }
        }
      };
    } catch (ExecutionException e) {
      synchronized (this) {
        // A failed render is not kept for anyone.
        live.remove(key, held);
      }
      release(key, held);
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }

  private void release(Key key, Entry entry) {
    synchronized (this) {
      if (--entry.writers > 0) {
        return;
      }
      if (live.get(key) == entry) {
        entry.idleSince = System.nanoTime();
        lingering.addLast(key);
        dropLingering(entry.idleSince - LINGER_NANOS, false);
        return;
      }
    }
    releaseRoom(entry);
  }

  /** Gives back the room a rendered body does not use. */
  private void trim(Entry entry) {
    if (entry.kib == 0 || !entry.render.isDone()) {
      return;
    }
    int used;
    try {
      used = (int) Math.max(1, Math.min(MAX_KIB, (entry.render.get().length() + 1023) / 1024));
    } catch (ExecutionException | InterruptedException e) {
      return;
    }
    synchronized (this) {
      if (used < entry.kib) {
        places.release(entry.kib - used);
        entry.kib = used;
      }
    }
  }

  private void releaseRoom(Entry entry) {
    int kib;
    synchronized (this) {
      kib = entry.kib;
      entry.kib = 0;
    }
    if (kib > 0) {
      places.release(kib);
    }
  }

  /**
   * Drops lingering bodies idle since before {@code before}, or just the oldest one; whether it
   * dropped one.
   */
  private boolean dropLingering(long before, boolean oldestOnly) {
    boolean dropped = false;
    while (!lingering.isEmpty()) {
      Key key = lingering.peekFirst();
      Entry e = live.get(key);
      boolean idle = e != null && e.writers == 0;
      if (idle && !oldestOnly && e.idleSince - before > 0) {
        return dropped;
      }
      lingering.pollFirst();
      if (idle && live.remove(key, e)) {
        releaseRoom(e);
        dropped = true;
        if (oldestOnly) {
          return true;
        }
      }
    }
    return dropped;
  }

  /** Bodies held now (for tests). */
  synchronized int live() {
    return live.size();
  }
}
