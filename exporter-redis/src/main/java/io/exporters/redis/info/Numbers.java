package io.exporters.redis.info;

/**
 * Numbers as redis_exporter reads INFO values: {@code ok}/{@code true} are 1,
 * {@code err}/{@code fail}/{@code false} are 0, anything else must be a number as Go's
 * ParseFloat accepts it (so {@code 1d}, which Java would take, is not one).
 */
public final class Numbers {
  private Numbers() {}

  /** The value of an INFO field, or null when it is not a number (such fields are skipped). */
  public static Double infoValue(String text) {
    // Most values are numbers: look at words only when the text starts with a letter.
    if (!text.isEmpty() && Character.isLetter(text.charAt(0))) {
      switch (text) {
        case "ok":
        case "true":
          return 1.0;
        case "err":
        case "fail":
        case "false":
          return 0.0;
        default:
          break;
      }
    }
    return parse(text);
  }

  /** A decimal or scientific number, inf or nan; null otherwise. */
  public static Double parse(String text) {
    if (text == null) {
      return null;
    }
    String s = text.strip();
    if (s.isEmpty()) {
      return null;
    }
    if (!plain(s)) {
      return word(s.toLowerCase());
    }
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Double word(String lower) {
    switch (lower) {
      case "inf":
      case "+inf":
      case "infinity":
      case "+infinity":
        return Double.POSITIVE_INFINITY;
      case "-inf":
      case "-infinity":
        return Double.NEGATIVE_INFINITY;
      case "nan":
        return Double.NaN;
      default:
        return null;
    }
  }

  /** An integer, or null. */
  public static Long parseLong(String text) {
    Double d = parse(text);
    return d == null || d.isNaN() || d.isInfinite() || d != Math.rint(d) ? null : d.longValue();
  }

  /** Digits, one optional point, an optional exponent, an optional leading sign: nothing else. */
  private static boolean plain(String s) {
    int i = 0;
    int n = s.length();
    if (s.charAt(0) == '+' || s.charAt(0) == '-') {
      i++;
    }
    boolean digits = false;
    boolean point = false;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits = true;
      } else if (c == '.' && !point) {
        point = true;
      } else {
        break;
      }
    }
    if (!digits) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int exponentStart = i;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
      }
      if (i == exponentStart) {
        return false;
      }
    }
    return i == n;
  }
}
