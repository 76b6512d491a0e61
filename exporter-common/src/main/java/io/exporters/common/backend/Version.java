package io.exporters.common.backend;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A backend version (major.minor.patch) for gating collectors, e.g. PostgreSQL 17 or Redis 7.0. */
public record Version(int major, int minor, int patch) implements Comparable<Version> {
  private static final Pattern NUMBERS = Pattern.compile("(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?");

  public static Version of(int major, int minor) {
    return new Version(major, minor, 0);
  }

  /** Parses the first "N[.N[.N]]" in the text, e.g. "15.4 (Debian 15.4-1)" or "7.0.15". */
  public static Version parse(String text) {
    Matcher m = NUMBERS.matcher(text == null ? "" : text);
    if (!m.find()) {
      throw new IllegalArgumentException("no version number in '" + text + "'");
    }
    return new Version(
        Integer.parseInt(m.group(1)),
        m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
        m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
  }

  @Override
  public int compareTo(Version o) {
    int c = Integer.compare(major, o.major);
    if (c == 0) {
      c = Integer.compare(minor, o.minor);
    }
    return c != 0 ? c : Integer.compare(patch, o.patch);
  }

  public boolean atLeast(Version o) {
    return compareTo(o) >= 0;
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
