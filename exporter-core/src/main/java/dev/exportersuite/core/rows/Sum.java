package dev.exportersuite.core.rows;

import dev.exportersuite.core.collect.Row;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code sum: {by: [consumergroup, topic], columns: [current_offset, lag]}}: one row per distinct combination of the
 * {@code by} columns (compared as text, in the order first seen), holding those columns as the first such row has
 * them and, for each listed column, the sum over the rows of that combination. A null value is left out, and a
 * column with no value in a combination is null (no sample). Whole numbers add up exactly; a fraction anywhere
 * makes that sum a double. Text that reads as a number counts; other text is an error. Without {@code by}, one row
 * sums every row; no rows give no row.
 *
 * @param by the grouping columns, possibly none
 * @param columns the columns to add up, at least one
 */
public record Sum(List<String> by, List<String> columns) implements RowStep {

  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  public Sum {
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(columns, "columns");
    by = distinct(by, "by");
    columns = distinct(columns, "columns");
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("sum needs columns: the columns to add up, e.g. columns: [lag]");
    }
    for (String c : columns) {
      if (by.contains(c)) {
        throw new IllegalArgumentException("sum: '" + c + "' is both in by and in columns: a column is either "
            + "grouped by or added up");
      }
    }
  }

  private static List<String> distinct(List<String> names, String what) {
    Set<String> out = new LinkedHashSet<>();
    for (String n : names) {
      String column = Cells.column(n, "sum", "each entry of " + what);
      if (!out.add(column)) {
        throw new IllegalArgumentException("sum: column '" + column + "' is listed twice in " + what
            + " (column names ignore case)");
      }
    }
    return List.copyOf(out);
  }

  @Override
  public String keyword() {
    return "sum";
  }

  @Override
  public List<Row> apply(List<Row> rows) {
    Map<List<String>, Group> groups = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      List<String> key = by.stream().map(c -> Cells.text(row.get(c))).toList();
      Group g = groups.computeIfAbsent(key, k -> new Group(row, columns.size()));
      for (int c = 0; c < columns.size(); c++) {
        g.totals[c] = add(g.totals[c], row.get(columns.get(c)), columns.get(c), i);
      }
    }
    List<Row> out = new ArrayList<>(groups.size());
    for (Group g : groups.values()) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (String c : by) {
        m.put(c, g.first.get(c));
      }
      for (int c = 0; c < columns.size(); c++) {
        m.put(columns.get(c), g.totals[c]);
      }
      out.add(new Row(m));
    }
    return out;
  }

  /** The first row of a combination (its by columns are copied from it) and the running sums. */
  private static final class Group {
    final Row first;
    final Number[] totals;

    Group(Row first, int columns) {
      this.first = first;
      this.totals = new Number[columns];
    }
  }

  /** {@code total + value}: Long while every value is whole and the sum fits, else Double; null values skipped. */
  private static Number add(Number total, Object value, String column, int row) {
    Number v = number(value, column, row);
    if (v == null) {
      return total;
    }
    if (total == null) {
      return v;
    }
    if (total instanceof Long a && v instanceof Long b) {
      long sum = a + b;
      // Overflow (opposite sign to both operands): carry on in double, as Prometheus would hold it anyway.
      if (((a ^ sum) & (b ^ sum)) >= 0) {
        return sum;
      }
    }
    return total.doubleValue() + v.doubleValue();
  }

  private static Number number(Object value, String column, int row) {
    if (value == null) {
      return null;
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger b && b.bitLength() < 64) {
      return b.longValue();
    }
    if (value instanceof BigDecimal d && d.stripTrailingZeros().scale() <= 0 && d.abs().compareTo(LONG_MAX) <= 0) {
      return d.longValue();
    }
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    if (value instanceof Boolean b) {
      return b ? 1L : 0L;
    }
    String text = value.toString().trim();
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      // not whole: maybe a fraction
    }
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      // The value itself is not quoted: it may be anything the datastore holds.
      throw new RowShapingException("column '" + column + "' of row " + (row + 1) + " is text that is not a number");
    }
  }
}
