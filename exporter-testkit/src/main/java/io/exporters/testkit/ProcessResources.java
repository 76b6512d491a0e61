package io.exporters.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a process holds, read from /proc: threads, open files and sockets to a port. For tests
 * that show an exporter gives back what a scrape took (this process for an exporter run in
 * process, a pid for one run apart).
 */
public final class ProcessResources {
  private final long pid;

  private ProcessResources(long pid) {
    this.pid = pid;
  }

  public static ProcessResources of(long pid) {
    return new ProcessResources(pid);
  }

  public static ProcessResources self() {
    return of(ProcessHandle.current().pid());
  }

  private Path proc(String... more) {
    return Path.of("/proc/" + pid, more);
  }

  public int threads() {
    try {
      for (String line : Files.readAllLines(proc("status"))) {
        if (line.startsWith("Threads:")) {
          return Integer.parseInt(line.substring(8).trim());
        }
      }
      throw new IllegalStateException("no Threads: line in " + proc("status"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public long openFiles() {
    try (Stream<Path> fds = Files.list(proc("fd"))) {
      return fds.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** TCP sockets the process holds whose remote end is {@code port} (any state). */
  public long socketsTo(int port) {
    Set<String> inodes = new HashSet<>();
    try (Stream<Path> fds = Files.list(proc("fd"))) {
      fds.forEach(fd -> {
        try {
          String link = Files.readSymbolicLink(fd).toString();
          if (link.startsWith("socket:[")) {
            inodes.add(link.substring(8, link.length() - 1));
          }
        } catch (IOException closedMeanwhile) {
          // Gone since listed.
        }
      });
      String remote = String.format(":%04X", port);
      long n = 0;
      for (String table : List.of("tcp", "tcp6")) {
        for (String line : Files.readAllLines(proc("net", table))) {
          String[] f = line.trim().split("\\s+");
          if (f.length > 9 && f[2].endsWith(remote) && inodes.contains(f[9])) {
            n++;
          }
        }
      }
      return n;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
