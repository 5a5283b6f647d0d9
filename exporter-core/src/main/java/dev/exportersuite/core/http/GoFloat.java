package dev.exportersuite.core.http;

import java.math.BigDecimal;

/**
 * A double as Go's {@code strconv.FormatFloat(f, 'g', -1, 64)} writes it, which is how the Go exporters print
 * histogram bounds and quantiles: {@code 20}, {@code 0.5}, {@code 1e+06}, {@code 1.5e-05}, {@code +Inf}. Queries
 * and recording rules written against the Go exporters select {@code le="20"}, which Prometheus 2 stores as sent.
 */
final class GoFloat {

  private GoFloat() {}

  static String format(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    if (v == 0) {
      return (1 / v < 0) ? "-0" : "0";
    }
    // The shortest digits that read back as v, and where the decimal point goes.
    BigDecimal d = new BigDecimal(Double.toString(Math.abs(v))).stripTrailingZeros();
    String digits = d.unscaledValue().toString();
    int nd = digits.length();
    int dp = nd - d.scale(); // digits before the decimal point
    int exp = dp - 1;
    // Go: %e when exp < -4 or exp >= eprec, where eprec is 6 for shortest output, or the digit count if that is
    // larger and all digits are before the point.
    int eprec = 6;
    if (eprec > nd && nd >= dp) {
      eprec = nd;
    }
    String sign = v < 0 ? "-" : "";
    if (exp < -4 || exp >= eprec) {
      String mantissa = nd == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    }
    if (dp <= 0) {
      return sign + "0." + "0".repeat(-dp) + digits;
    }
    if (dp >= nd) {
      return sign + digits + "0".repeat(dp - nd);
    }
    return sign + digits.substring(0, dp) + "." + digits.substring(dp);
  }
}
