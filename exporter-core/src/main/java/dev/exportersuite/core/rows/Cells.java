package dev.exportersuite.core.rows;

import dev.exportersuite.core.collect.Row;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

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
    return row.with(extra);
  }

  /** A column name as rows hold it (lower-case); blank is refused, as no row can have such a column. */
  static String column(String name, String step, String what) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(step + ": " + what + " must be a column name, found "
          + (name == null ? "nothing" : "a blank"));
    }
    return name.toLowerCase(Locale.ROOT);
  }

  /**
   * A step's {@code column: something} map, checked: not empty, every key a column name (lower-cased), no column
   * twice (names ignore case), no null value; file order kept.
   *
   * @param step the step's name, for messages
   * @param form how one pair is written, e.g. {@code COLUMN: VALUE pair}
   * @param example what one pair looks like, e.g. {@code {info: 1}}
   * @param what what a value is ({@code value}, {@code pattern}), for messages
   * @param once how to fix a column given twice
   */
  static <V> Map<String, V> columnMap(Map<String, V> in, String step, String form, String example, String what,
      String once) {
    Objects.requireNonNull(in, step);
    if (in.isEmpty()) {
      throw new IllegalArgumentException(step + " needs at least one " + form + ", e.g. " + example);
    }
    Map<String, V> out = new LinkedHashMap<>();
    for (Map.Entry<String, V> e : in.entrySet()) {
      String column = column(e.getKey(), step, "each key");
      V value = Objects.requireNonNull(e.getValue(), () -> step + ": the " + what + " of '" + column + "'");
      if (out.put(column, value) != null) {
        throw new IllegalArgumentException(step + ": column '" + column + "' is given twice (column names ignore "
            + "case): " + once);
      }
    }
    return Collections.unmodifiableMap(out);
  }
}
