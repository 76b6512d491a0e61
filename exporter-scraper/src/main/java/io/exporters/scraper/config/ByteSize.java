package io.exporters.scraper.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A size in bytes as blackbox writes it ({@code body_size_limit: 10MB}): a whole number with an
 * optional unit B, KB/KiB, MB/MiB, GB/GiB, all powers of 1024 as in Go's units.Base2Bytes.
 */
public record ByteSize(long bytes) {
  public ByteSize {
    if (bytes < 0) {
      throw new IllegalArgumentException("a size cannot be negative");
    }
  }

  public static ByteSize mebibytes(long n) {
    return new ByteSize(n << 20);
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static ByteSize parse(String text) {
    String s = text.trim().toUpperCase(Locale.ROOT).replace("IB", "B");
    int unitAt = 0;
    while (unitAt < s.length() && Character.isDigit(s.charAt(unitAt))) {
      unitAt++;
    }
    if (unitAt == 0 || unitAt > 15) {
      throw new IllegalArgumentException("expected a size such as 10MiB or 512KB, got '"
          + text + "'");
    }
    long n = Long.parseLong(s.substring(0, unitAt));
    int shift;
    switch (s.substring(unitAt).trim()) {
      case "":
      case "B":
        shift = 0;
        break;
      case "KB":
        shift = 10;
        break;
      case "MB":
        shift = 20;
        break;
      case "GB":
        shift = 30;
        break;
      default:
        throw new IllegalArgumentException("expected a size such as 10MiB or 512KB, got '"
            + text + "'");
    }
    return new ByteSize(n << shift);
  }

  @JsonValue
  @Override
  public String toString() {
    if (bytes > 0 && bytes % (1 << 20) == 0) {
      return (bytes >> 20) + "MiB";
    }
    if (bytes > 0 && bytes % (1 << 10) == 0) {
      return (bytes >> 10) + "KiB";
    }
    return Long.toString(bytes);
  }
}
