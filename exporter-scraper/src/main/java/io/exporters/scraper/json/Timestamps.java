package io.exporters.scraper.json;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Date and time strings as unix seconds: RFC 3339 / ISO 8601 with an offset or Z, without one
 * (read as UTC, with a 'T' or a space), a bare date (midnight UTC), and RFC 1123 (HTTP dates).
 */
final class Timestamps {
  private Timestamps() {}

  /** Seconds since the epoch, or null when {@code text} is no date this reads. */
  static Double parse(String text) {
    String s = text.trim();
    if (s.length() < 10 || s.length() > 40 || !Character.isDigit(s.charAt(0))
        && !Character.isLetter(s.charAt(0))) {
      return null;
    }
    try {
      if (Character.isLetter(s.charAt(0))) {
        return seconds(ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME)
            .toInstant().getEpochSecond(), 0);
      }
      String iso = s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + "T"
          + s.substring(11) : s;
      if (iso.length() == 10) {
        return seconds(LocalDate.parse(iso).atStartOfDay().toEpochSecond(ZoneOffset.UTC), 0);
      }
      if (iso.endsWith("Z") || iso.matches(".*[+-]\\d\\d:?\\d\\d$")) {
        OffsetDateTime t = OffsetDateTime.parse(iso.replaceAll("([+-]\\d\\d)(\\d\\d)$", "$1:$2"));
        return seconds(t.toEpochSecond(), t.getNano());
      }
      LocalDateTime t = LocalDateTime.parse(iso);
      return seconds(t.toEpochSecond(ZoneOffset.UTC), t.getNano());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static double seconds(long epochSeconds, int nanos) {
    return epochSeconds + nanos / 1e9;
  }
}
