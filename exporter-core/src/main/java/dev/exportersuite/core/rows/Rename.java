package dev.exportersuite.core.rows;

import dev.exportersuite.core.collect.Row;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code rename: {c0: event_name, value: length}}: old column name -> new one; a row keeps its column order.
 *
 * @param names old name -> new name, both lower-case
 */
public record Rename(Map<String, String> names) implements RowStep {

  public Rename {
    Map<String, String> lower = new LinkedHashMap<>();
    Cells.columnMap(names, "rename", "OLD: NEW pair", "{value: length}", "new name", "give it one new name")
        .forEach((from, to) -> lower.put(from, Cells.column(to, "rename", "the new name of '" + from + "'")));
    names = Collections.unmodifiableMap(lower);
  }

  @Override
  public String keyword() {
    return "rename";
  }

  @Override
  public List<Row> apply(List<Row> rows) {
    List<Row> out = new ArrayList<>(rows.size());
    for (Row row : rows) {
      Row.Builder m = Row.builder(row.values().size());
      row.values().forEach((k, v) -> m.put(names.getOrDefault(k, k), v));
      out.add(m.build());
    }
    return out;
  }
}
