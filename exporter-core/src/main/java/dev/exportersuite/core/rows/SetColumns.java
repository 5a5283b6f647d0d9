package dev.exportersuite.core.rows;

import dev.exportersuite.core.collect.Row;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code set: {info: 1}}: constant columns added to (or replaced in) every row, e.g. for an {@code _info} metric
 * or a {@code team} label. Values are kept as text; the converter reads numbers from text.
 *
 * @param values column -> value
 */
public record SetColumns(Map<String, String> values) implements RowStep {

  public SetColumns {
    Objects.requireNonNull(values, "values");
    if (values.isEmpty()) {
      throw new IllegalArgumentException("set needs at least one COLUMN: VALUE pair, e.g. {info: 1}");
    }
    Map<String, String> lower = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : values.entrySet()) {
      String column = Cells.column(e.getKey(), "set", "each key");
      String value = Objects.requireNonNull(e.getValue(), () -> "set: the value of '" + column + "'");
      if (lower.put(column, value) != null) {
        throw new IllegalArgumentException("set: column '" + column + "' is given twice (column names ignore "
            + "case): give it one value");
      }
    }
    values = Collections.unmodifiableMap(lower);
  }

  @Override
  public String keyword() {
    return "set";
  }

  @Override
  public List<Row> apply(List<Row> rows) {
    return rows.stream().map(r -> Cells.with(r, values)).toList();
  }
}
