package io.exporters.common.toy;

import io.exporters.common.backend.Version;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory backend the toy exporter scrapes; tests switch it down, make collectors slow or
 * count how often each collector ran.
 */
final class ToyBackend {
  private static final Map<String, ToyBackend> BACKENDS = new ConcurrentHashMap<>();

  final String name;
  volatile boolean down;
  volatile Version version = Version.of(1, 0);
  volatile double value = 42;
  final Map<String, Long> delaysMs = new ConcurrentHashMap<>();
  final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  final AtomicInteger connects = new AtomicInteger();
  final AtomicInteger openConnections = new AtomicInteger();

  private ToyBackend(String name) {
    this.name = name;
    // A toy exporter run as its own process takes its slow collector's delay from here.
    String slowMs = System.getenv("TOY_SLOW_MS");
    if (slowMs != null) {
      delaysMs.put("slow", Long.parseLong(slowMs));
    }
  }

  static ToyBackend named(String name) {
    return BACKENDS.computeIfAbsent(name, ToyBackend::new);
  }

  static ToyBackend fresh(String name) {
    ToyBackend b = new ToyBackend(name);
    BACKENDS.put(name, b);
    return b;
  }

  int calls(String collector) {
    AtomicInteger n = calls.get(collector);
    return n == null ? 0 : n.get();
  }

  void called(String collector) throws InterruptedException {
    calls.computeIfAbsent(collector, k -> new AtomicInteger()).incrementAndGet();
    // A toy exporter run as its own process tells its test which collectors have started.
    String startedFile = System.getenv("TOY_STARTED_FILE");
    if (startedFile != null) {
      try {
        Files.writeString(Path.of(startedFile), collector + "\n", StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    Long delay = delaysMs.get(collector);
    if (delay != null) {
      Thread.sleep(delay);
    }
  }
}
