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
    values = Cells.columnMap(values, "set", "COLUMN: VALUE pair", "{info: 1}", "value", "give it one value");
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
