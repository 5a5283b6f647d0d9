package dev.exportersuite.core.rows;

import dev.exportersuite.core.collect.Columns;
import dev.exportersuite.core.collect.Row;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code unpivot: {keep: [event_name], name: field, value: value}}: each column of a row that is not kept becomes
 * a row of its own {@code {keep..., <name>: column, <value>: its value}}. A kept column that a row lacks is null
 * (an empty label), as SHOW SLAVE STATUS lacks Master_UUID on MariaDB.
 *
 * @param keep the columns copied into every row made from a row (default none)
 * @param name the column that receives a column's name (default {@code field})
 * @param value the column that receives its value (default {@code value})
 */
public record Unpivot(List<String> keep, String name, String value) implements RowStep {

  public static final String DEFAULT_NAME = "field";
  public static final String DEFAULT_VALUE = "value";

  public Unpivot {
    Objects.requireNonNull(keep, "keep");
    Set<String> kept = new LinkedHashSet<>();
    for (String k : keep) {
      kept.add(Cells.column(k, "unpivot", "each keep entry"));
    }
    keep = List.copyOf(kept);
    name = Cells.column(name, "unpivot", "name");
    value = Cells.column(value, "unpivot", "value");
    if (name.equals(value)) {
      throw new IllegalArgumentException("unpivot: name and value are both '" + name + "': give them two columns, "
          + "e.g. name: field, value: value");
    }
    for (String written : List.of(name, value)) {
      if (kept.contains(written)) {
        throw new IllegalArgumentException("unpivot: '" + written + "' is both kept and written by the step: "
            + "leave it out of keep or choose another name/value column");
      }
    }
  }

  /** Every column unpivoted into {@code {field, value}}. */
  public Unpivot() {
    this(List.of(), DEFAULT_NAME, DEFAULT_VALUE);
  }

  @Override
  public String keyword() {
    return "unpivot";
  }

  @Override
  public List<Row> apply(List<Row> rows) {
    List<Row> out = new ArrayList<>();
    int kept = keep.size();
    String[] names = keep.toArray(new String[kept + 2]);
    names[kept] = name;
    names[kept + 1] = value;
    // Every row made has the same columns: held once, each row holding its values only.
    Columns columns = Columns.of(names);
    Object[] keptValues = new Object[kept];
    for (Row row : rows) {
      for (int k = 0; k < kept; k++) {
        keptValues[k] = row.get(keep.get(k));
      }
      row.values().forEach((column, v) -> {
        if (!keep.contains(column)) {
          Object[] values = Arrays.copyOf(keptValues, kept + 2);
          values[kept] = column;
          values[kept + 1] = v;
          out.add(columns.row(values));
        }
      });
    }
    return out;
  }
}
