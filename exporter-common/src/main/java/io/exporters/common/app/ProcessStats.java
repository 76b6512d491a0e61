package io.exporters.common.app;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.UnixOperatingSystemMXBean;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code process_*} families, with client_java's names and help: CPU time, start time, open
 * and maximum file descriptors, virtual and resident memory. Each scrape reads
 * {@code /proc/self/status} once for both memory sizes (client_java's collector reads it once
 * per family, line by line, which cost a fifth of the self-metrics' time), through a file kept
 * open: a scrape needs no new file descriptor for it, so a process that ran out of them still
 * answers. Counting open descriptors does open /proc/self/fd; when that fails the family is left
 * out (logged once), not the scrape.
 */
final class ProcessStats implements MultiCollector {
  private static final Path STATUS = Path.of("/proc/self/status");

  private final java.lang.management.OperatingSystemMXBean os =
      ManagementFactory.getOperatingSystemMXBean();
  private final double startTimeSeconds =
      ManagementFactory.getRuntimeMXBean().getStartTime() / 1000.0;
  private static final Logger logger = LoggerFactory.getLogger(ProcessStats.class);
  private final Path status;
  private FileChannel statusFile;
  private ByteBuffer statusBuffer = ByteBuffer.allocate(4096);
  private final AtomicBoolean fdCountFailed = new AtomicBoolean();

  ProcessStats() {
    this(STATUS);
  }

  /** Reads the memory sizes from {@code status} (a file in /proc/self/status's format). */
  ProcessStats(Path status) {
    this.status = status;
  }

  @Override
  public MetricSnapshots collect() {
    List<MetricSnapshot> out = new ArrayList<>(6);
    if (os instanceof OperatingSystemMXBean sun && sun.getProcessCpuTime() >= 0) {
      out.add(CounterSnapshot.builder().name("process_cpu_seconds")
          .help("Total user and system CPU time spent in seconds.")
          .dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
              .value(sun.getProcessCpuTime() / 1e9).build())
          .build());
    }
    out.add(gauge("process_start_time_seconds",
        "Start time of the process since unix epoch in seconds.", startTimeSeconds));
    if (os instanceof UnixOperatingSystemMXBean unix) {
      long open = openFds(unix);
      if (open >= 0) {
        out.add(gauge("process_open_fds", "Number of open file descriptors.", open));
      }
      out.add(gauge("process_max_fds", "Maximum number of open file descriptors.",
          unix.getMaxFileDescriptorCount()));
    }
    byte[] text = readStatus();
    if (text != null) {
      long vm = kilobytes(text, "VmSize:");
      long rss = kilobytes(text, "VmRSS:");
      if (vm >= 0) {
        out.add(gauge("process_virtual_memory_bytes", "Virtual memory size in bytes.", vm * 1024));
      }
      if (rss >= 0) {
        out.add(gauge("process_resident_memory_bytes", "Resident memory size in bytes.",
            rss * 1024));
      }
    }
    return new MetricSnapshots(out);
  }

  /** The JDK lists /proc/self/fd, which takes a descriptor; -1 when there is none to take. */
  private long openFds(UnixOperatingSystemMXBean unix) {
    try {
      long n = unix.getOpenFileDescriptorCount();
      if (n >= 0) {
        fdCountFailed.set(false);
        return n;
      }
    } catch (RuntimeException | InternalError e) {
      if (fdCountFailed.compareAndSet(false, true)) {
        logger.atWarn().addKeyValue("err", e.toString()).log("cannot count open file "
            + "descriptors (none left?); process_open_fds is left out until it can");
      }
    }
    return -1;
  }

  /** /proc/self/status, read from its start through the channel kept open; null if none. */
  private synchronized byte[] readStatus() {
    try {
      if (statusFile == null) {
        statusFile = FileChannel.open(status);
      }
      statusBuffer.clear();
      long at = 0;
      int n;
      while ((n = statusFile.read(statusBuffer, at)) > 0) {
        at += n;
        if (!statusBuffer.hasRemaining()) {
          ByteBuffer bigger = ByteBuffer.allocate(statusBuffer.capacity() * 2);
          statusBuffer.flip();
          bigger.put(statusBuffer);
          statusBuffer = bigger;
        }
      }
      byte[] text = new byte[statusBuffer.position()];
      statusBuffer.flip();
      statusBuffer.get(text);
      return text;
    } catch (IOException | UnsupportedOperationException e) {
      closeStatus();
      return null; // not Linux, or the file could not be opened this time
    }
  }

  private void closeStatus() {
    if (statusFile != null) {
      try {
        statusFile.close();
      } catch (IOException ignored) {
        // Reopened on the next read.
      }
      statusFile = null;
    }
  }

  /** The number on the line starting with {@code key} ("VmRSS:   91560 kB"); -1 if absent. */
  static long kilobytes(byte[] text, String key) {
    byte[] k = key.getBytes(StandardCharsets.US_ASCII);
    for (int line = 0; line < text.length; ) {
      if (startsWith(text, line, k)) {
        int i = line + k.length;
        while (i < text.length && (text[i] == ' ' || text[i] == '\t')) {
          i++;
        }
        long value = 0;
        int digits = 0;
        while (i < text.length && text[i] >= '0' && text[i] <= '9') {
          value = value * 10 + (text[i++] - '0');
          digits++;
        }
        return digits > 0 ? value : -1;
      }
      while (line < text.length && text[line] != '\n') {
        line++;
      }
      line++;
    }
    return -1;
  }

  private static boolean startsWith(byte[] text, int at, byte[] prefix) {
    if (at + prefix.length > text.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (text[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static GaugeSnapshot gauge(String name, String help, double value) {
    return GaugeSnapshot.builder().name(name).help(help)
        .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(value).build())
        .build();
  }
}
