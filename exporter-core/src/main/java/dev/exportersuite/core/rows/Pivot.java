package dev.exportersuite.core.rows;

import dev.exportersuite.core.collect.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code pivot: {name: field, value: value, by: name}}: the rows become one row (one per value of {@code by}),
 * where each row's {@code name} text becomes a column holding its {@code value}. The first value of a name wins:
 * INFO repeats names (a database's several fields). The {@code by} column comes first and is never overwritten.
 *
 * @param name the column whose text names the new column (default {@code name})
 * @param value the column holding the value (default {@code value})
 * @param by the column that groups rows into one row each, or null for one row in all
 */
public record Pivot(String name, String value, String by) implements RowStep {

  public static final String DEFAULT_NAME = "name";
  public static final String DEFAULT_VALUE = "value";
  /** Room to start a group's row with (a replica line's fields: ip, port, state, offset, lag). */
  private static final int COLUMNS_PER_GROUP = 8;
  /** Room to start the one row with: INFO ALL's ~250 figures, not a large result's every row. */
  private static final int COLUMNS_OF_ONE_ROW = 256;

  public Pivot {
    name = Cells.column(name, "pivot", "name");
    value = Cells.column(value, "pivot", "value");
    if (by != null) {
      by = Cells.column(by, "pivot", "by");
    }
    if (name.equals(value)) {
      throw new IllegalArgumentException("pivot: name and value are both '" + name + "': give them two columns, "
          + "e.g. name: field, value: value");
    }
    if (name.equals(by) || value.equals(by)) {
      throw new IllegalArgumentException("pivot: by is '" + by + "', which is also the name or value column: "
          + "group by another column, or leave by out");
    }
  }

  /** {@code pivot} with the defaults: {@code name} names the columns, {@code value} fills them, one row. */
  public Pivot() {
    this(DEFAULT_NAME, DEFAULT_VALUE, null);
  }

  @Override
  public String keyword() {
    return "pivot";
  }

  @Override
  public List<Row> apply(List<Row> rows) {
    Map<String, Row.Builder> groups = new LinkedHashMap<>();
    for (Row row : rows) {
      String group = by == null ? "" : Cells.text(row.get(by));
      Row.Builder m = groups.get(group);
      if (m == null) {
        m = Row.builder(by == null ? Math.min(rows.size(), COLUMNS_OF_ONE_ROW) : COLUMNS_PER_GROUP);
        if (by != null) {
          m.put(by, row.get(by));
        }
        groups.put(group, m);
      }
      m.putIfAbsent(Cells.text(row.get(name)), row.get(value));
    }
    List<Row> out = new ArrayList<>(groups.size());
    groups.values().forEach(b -> out.add(b.build()));
    return out;
  }
}
