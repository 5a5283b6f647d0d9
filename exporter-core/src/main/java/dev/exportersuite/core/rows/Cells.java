package dev.exportersuite.core.rows;

import dev.exportersuite.core.collect.Row;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Small helpers the steps share: a value as text, a row with more columns, a checked column name. */
final class Cells {

  private Cells() {}

  /**
   * A value as the text a regex, a pivot or a fill compares: null is empty and a whole double has no ".0", so that
   * a key computed by {@code calc} or read as a double still matches {@code db0} or {@code 3}.
   */
  static String text(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
      return Long.toString(d.longValue());
    }
    return v.toString();
  }

  /** {@code row} with {@code extra} added; a column it already has is replaced in place. */
  static Row with(Row row, Map<String, ?> extra) {
    Map<String, Object> m = new LinkedHashMap<>(row.values());
    m.putAll(extra);
    return new Row(m);
  }

  /** A column name as rows hold it (lower-case); blank is refused, as no row can have such a column. */
  static String column(String name, String step, String what) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(step + ": " + what + " must be a column name, found "
          + (name == null ? "nothing" : "a blank"));
    }
    return name.toLowerCase(Locale.ROOT);
  }
}
