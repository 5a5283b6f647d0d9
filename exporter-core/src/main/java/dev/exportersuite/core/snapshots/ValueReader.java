package dev.exportersuite.core.snapshots;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/** Turns a row value into a sample value: numbers as they are, booleans as 1/0, text through the valuemap. */
final class ValueReader {

  private ValueReader() {}

  /**
   * @return the number, or empty for NULL
   * @throws NumberFormatException when the value is text that is neither a number nor in the valuemap
   */
  static OptionalDouble read(Object value, Map<String, Double> valueMap) {
    if (value == null) {
      return OptionalDouble.empty();
    }
    if (value instanceof Number n) {
      return OptionalDouble.of(n.doubleValue());
    }
    if (value instanceof Boolean b) {
      return OptionalDouble.of(b ? 1 : 0);
    }
    String text = value.toString().trim();
    Double mapped = valueMap.isEmpty() ? null : valueMap.get(text.toLowerCase(Locale.ROOT));
    if (mapped != null) {
      return OptionalDouble.of(mapped);
    }
    return OptionalDouble.of(Double.parseDouble(text));
  }

  static String label(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
      return Long.toString(d.longValue());
    }
    if (value instanceof java.math.BigDecimal b) {
      // Oracle NUMBER: 0.0000001 as written, not 1E-7.
      return b.toPlainString();
    }
    return value.toString();
  }
}
