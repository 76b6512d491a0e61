package io.exporters.common.webconfig;

import io.exporters.common.config.ConfigException;
import io.exporters.common.secret.SecretMasker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the current web config, re-reading the file when it changes. exporter-toolkit reads the
 * file on every request; this looks at its modification time, size and inode at most once a
 * second and parses only when one of them moved. A file that no longer loads leaves the previous
 * config in force and is reported in one warning, not once per request.
 */
public final class WebConfigWatcher {
  private static final Logger logger = LoggerFactory.getLogger(WebConfigWatcher.class);
  private static final Duration CHECK_EVERY = Duration.ofSeconds(1);

  private final Path file;
  private final long checkEveryNanos;
  private final LongSupplier nanoClock;
  private volatile WebConfig current;
  private volatile long nextCheck;
  private Stamp stamp;

  /** {@code fileOrNull} null: no file was given and {@code initial} is served forever. */
  public WebConfigWatcher(Path fileOrNull, WebConfig initial) {
    this(fileOrNull, initial, CHECK_EVERY, System::nanoTime);
  }

  WebConfigWatcher(Path fileOrNull, WebConfig initial, Duration checkEvery,
      LongSupplier nanoClock) {
    this.file = fileOrNull;
    this.current = Objects.requireNonNull(initial, "initial");
    this.checkEveryNanos = checkEvery.toNanos();
    this.nanoClock = nanoClock;
    // The initial config was loaded from the file as it is now.
    this.stamp = fileOrNull == null ? null : Stamp.of(fileOrNull);
    this.nextCheck = nanoClock.getAsLong() + checkEveryNanos;
  }

  /** The config to apply to this request. */
  public WebConfig current() {
    if (file != null && nanoClock.getAsLong() - nextCheck >= 0) {
      refresh();
    }
    return current;
  }

  private synchronized void refresh() {
    long now = nanoClock.getAsLong();
    if (now - nextCheck < 0) {
      return; // another request thread has just checked
    }
    nextCheck = now + checkEveryNanos;
    Stamp seen = Stamp.of(file);
    if (seen.equals(stamp)) {
      return;
    }
    stamp = seen;
    try {
      current = WebConfig.load(file);
      logger.atInfo().addKeyValue("file", file).log("web config file reloaded");
    } catch (ConfigException e) {
      logger.atWarn().addKeyValue("file", file)
          .addKeyValue("err", SecretMasker.mask(e.getMessage()))
          .log("web config file changed but cannot be used; keeping the previous one");
    }
  }

  /** What identifies a version of the file without reading it; "missing" is a version too. */
  private record Stamp(long modifiedNanos, long size, Object fileKey) {
    static Stamp of(Path file) {
      try {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return new Stamp(a.lastModifiedTime().to(TimeUnit.NANOSECONDS), a.size(), a.fileKey());
      } catch (IOException e) {
        return new Stamp(-1, -1, null);
      }
    }
  }
}
