package dev.exportersuite.core.rows;

import dev.exportersuite.core.collect.Columns;
import dev.exportersuite.core.collect.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code pairs}: a flat list {@code [k1, v1, k2, v2]} (rows {@code {index, value}}, as RESP2's {@code CONFIG GET}
 * or a script's return give) becomes rows {@code {field: k, value: v}}; any other rows (a RESP3 map, one row) are
 * unpivoted into the same {@code {field, value}} rows, so both protocols give the same result.
 */
public record Pairs() implements RowStep {

  private static final Set<String> FLAT = Set.of("index", "value");
  private static final Columns PAIR = Columns.of("field", "value");

  @Override
  public String keyword() {
    return "pairs";
  }

  @Override
  public List<Row> apply(List<Row> rows) {
    boolean flat = rows.stream().allMatch(r -> r.columns().equals(FLAT));
    if (!flat) {
      return new Unpivot().apply(rows);
    }
    if (rows.size() % 2 != 0) {
      throw new RowShapingException("the reply has an odd number of elements (" + rows.size() + ")");
    }
    List<Row> out = new ArrayList<>(rows.size() / 2);
    for (int i = 0; i < rows.size(); i += 2) {
      out.add(PAIR.row(Cells.text(rows.get(i).get("value")), rows.get(i + 1).get("value")));
    }
    return out;
  }
}
