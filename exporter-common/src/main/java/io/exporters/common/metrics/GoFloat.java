package io.exporters.common.metrics;

/** Floats as the Go client writes sample values and {@code le}/{@code quantile} labels. */
public final class GoFloat {
  private GoFloat() {}

  /** Go's {@code strconv.FormatFloat(v, 'g', -1, 64)}, as client_golang writes sample values. */
  public static String format(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    if (v == 0) {
      return (1 / v) < 0 ? "-0" : "0";
    }
    double abs = Math.abs(v);
    if (abs < 1e6 && v == Math.rint(v)) {
      return Long.toString((long) v);
    }
    String digits;
    int exponent;
    if (abs < 0x1p53 && v == Math.rint(v)) {
      digits = Long.toString((long) abs);
      exponent = digits.length() - 1;
    } else {
      // Double.toString gives the shortest round-tripping digits, as 'd.dddE[-]x' or 'i.fff'.
      String repr = Double.toString(abs);
      int e = repr.indexOf('E');
      if (e >= 0) {
        digits = repr.charAt(0) + repr.substring(2, e);
        exponent = Integer.parseInt(repr, e + 1, repr.length(), 10);
      } else {
        int dot = repr.indexOf('.');
        digits = repr.substring(0, dot) + repr.substring(dot + 1);
        exponent = dot - 1;
      }
      int lead = 0;
      while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
        lead++;
      }
      digits = digits.substring(lead);
      exponent -= lead;
    }
    int end = digits.length();
    while (end > 1 && digits.charAt(end - 1) == '0') {
      end--;
    }
    digits = digits.substring(0, end);
    StringBuilder out = new StringBuilder(24);
    if (v < 0) {
      out.append('-');
    }
    if (exponent < -4 || exponent >= 6) {
      out.append(digits.charAt(0));
      if (digits.length() > 1) {
        out.append('.').append(digits, 1, digits.length());
      }
      out.append('e').append(exponent < 0 ? '-' : '+');
      int absExp = Math.abs(exponent);
      if (absExp < 10) {
        out.append('0');
      }
      out.append(absExp);
    } else if (exponent < 0) {
      out.append("0.");
      for (int i = -1; i > exponent; i--) {
        out.append('0');
      }
      out.append(digits);
    } else if (digits.length() <= exponent + 1) {
      out.append(digits);
      for (int i = digits.length(); i <= exponent; i++) {
        out.append('0');
      }
    } else {
      out.append(digits, 0, exponent + 1).append('.').append(digits, exponent + 1, digits.length());
    }
    return out.toString();
  }
}
