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
    Objects.requireNonNull(names, "names");
    if (names.isEmpty()) {
      throw new IllegalArgumentException("rename needs at least one OLD: NEW pair, e.g. {value: length}");
    }
    Map<String, String> lower = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : names.entrySet()) {
      String from = Cells.column(e.getKey(), "rename", "each key");
      String to = Cells.column(e.getValue(), "rename", "the new name of '" + from + "'");
      if (lower.put(from, to) != null) {
        throw new IllegalArgumentException("rename: column '" + from + "' is given twice (column names ignore "
            + "case): give it one new name");
      }
    }
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
      Map<String, Object> m = new LinkedHashMap<>();
      row.values().forEach((k, v) -> m.put(names.getOrDefault(k, k), v));
      out.add(new Row(m));
    }
    return out;
  }
}
