package dev.exportersuite.core.rows;

import dev.exportersuite.core.collect.Row;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code calc: {start_time_seconds: 'server_time_usec / 1000000'}}: each column is computed in order (a later
 * one may use an earlier one) as {@code A OP B}. The result is a double, or null when an operand is missing or
 * not a number, or on division by zero: a null emits no sample.
 *
 * @param columns column -> formula, in order
 */
public record Calc(Map<String, Formula> columns) implements RowStep {

  public Calc {
    columns = Cells.columnMap(columns, "calc", "COLUMN: 'A OP B'", "{seconds: 'usec / 1000000'}", "formula",
        "compute it once, or in a second calc step");
  }

  @Override
  public String keyword() {
    return "calc";
  }

  @Override
  public List<Row> apply(List<Row> rows) {
    List<Row> out = new ArrayList<>(rows.size());
    for (Row row : rows) {
      Map<String, Object> m = new LinkedHashMap<>(row.values());
      columns.forEach((column, formula) -> m.put(column, formula.compute(m)));
      out.add(new Row(m));
    }
    return out;
  }

  /**
   * {@code A OP B}: A and B are each a column or a number (a column of that name wins), OP one of + - * /.
   *
   * @param left a column (lower-case) or a number
   * @param op one of {@code + - * /}
   * @param right a column (lower-case) or a number
   */
  public record Formula(String left, char op, String right) {

    private static final Pattern FORM = Pattern.compile("(\\S+?)\\s*([-+*/])\\s*(\\S+)");

    public Formula {
      left = operand(left);
      right = operand(right);
      if ("+-*/".indexOf(op) < 0) {
        throw new IllegalArgumentException("calc: the operator must be one of + - * /, found '" + op + "'");
      }
    }

    /** {@code "server_time_usec / 1000000"}. */
    public static Formula parse(String text) {
      Matcher m = FORM.matcher(text == null ? "" : text.strip());
      if (!m.matches()) {
        throw new IllegalArgumentException("calc: write 'A OP B' (A and B a column or a number, OP one of + - * /), "
            + "e.g. 'usec / 1000000'; found '" + text + "'");
      }
      return new Formula(m.group(1), m.group(2).charAt(0), m.group(3));
    }

    private static String operand(String word) {
      if (word == null || word.isBlank() || word.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("calc: an operand is one column or one number, found '" + word + "'");
      }
      return word.toLowerCase(Locale.ROOT);
    }

    /** The result over a row's columns, or null (a missing or non-numeric operand, division by zero). */
    Double compute(Map<String, Object> row) {
      Double a = value(row, left);
      Double b = value(row, right);
      if (a == null || b == null) {
        return null;
      }
      return switch (op) {
        case '+' -> a + b;
        case '-' -> a - b;
        case '*' -> a * b;
        default -> b == 0 ? null : a / b;
      };
    }

    private static Double value(Map<String, Object> row, String word) {
      Object v = row.containsKey(word) ? row.get(word) : word;
      if (v instanceof Number n) {
        return n.doubleValue();
      }
      try {
        return v == null ? null : Double.parseDouble(v.toString().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }

    @Override
    public String toString() {
      return left + " " + op + " " + right;
    }
  }
}
