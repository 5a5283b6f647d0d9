package dev.exportersuite.core.rows;

import dev.exportersuite.core.collect.Row;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code fill: {keys: {db: db0..db15, field: [keys, expires]}, with: {value: 0}}}: adds a row for every
 * combination of the key values that no row has (compared as text), holding the combination and the {@code with}
 * columns; so a database without keys reports 0 instead of nothing. Without keys it adds one row when there are
 * no rows at all, e.g. an empty slowlog.
 *
 * @param keys key column -> its values (ranges already expanded), in order; may be empty
 * @param with the other columns of an added row
 */
public record Fill(Map<String, List<String>> keys, Map<String, String> with) implements RowStep {

  /** At most this many combinations of key values, so that a typo cannot make millions of rows per scrape. */
  public static final int MAX_COMBINATIONS = ValueRange.MAX;

  public Fill {
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(with, "with");
    Map<String, List<String>> k = new LinkedHashMap<>();
    long combinations = 1;
    for (Map.Entry<String, List<String>> e : keys.entrySet()) {
      String column = Cells.column(e.getKey(), "fill", "each key of keys");
      List<String> values = List.copyOf(Objects.requireNonNull(e.getValue(), () -> "fill: the values of " + column));
      if (values.isEmpty()) {
        throw new IllegalArgumentException("fill: key column '" + column + "' has no values: list them, "
            + "e.g. [keys, expires] or db0..db15");
      }
      if (k.put(column, values) != null) {
        throw new IllegalArgumentException("fill: key column '" + column + "' is given twice (column names ignore "
            + "case): list all its values once");
      }
      combinations *= values.size();
      if (combinations > MAX_COMBINATIONS) {
        throw new IllegalArgumentException("fill: the keys make more than " + MAX_COMBINATIONS
            + " combinations: list fewer values");
      }
    }
    if (with.isEmpty()) {
      throw new IllegalArgumentException("fill needs with: the columns of the rows it adds, e.g. with: {value: 0}");
    }
    Map<String, String> w = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : with.entrySet()) {
      String column = Cells.column(e.getKey(), "fill", "each key of with");
      String value = Objects.requireNonNull(e.getValue(), () -> "fill: the value of " + column);
      if (k.containsKey(column)) {
        throw new IllegalArgumentException("fill: '" + column + "' is both a key and a with column: keep it in one");
      }
      if (w.put(column, value) != null) {
        throw new IllegalArgumentException("fill: with column '" + column + "' is given twice (column names ignore "
            + "case): give it one value");
      }
    }
    keys = Collections.unmodifiableMap(k);
    with = Collections.unmodifiableMap(w);
  }

  @Override
  public String keyword() {
    return "fill";
  }

  @Override
  public List<Row> apply(List<Row> rows) {
    List<String> columns = List.copyOf(keys.keySet());
    Set<List<String>> present = new HashSet<>();
    for (Row row : rows) {
      present.add(columns.stream().map(c -> Cells.text(row.get(c))).toList());
    }
    List<Row> out = new ArrayList<>(rows);
    for (List<String> combination : combinations()) {
      if (!present.contains(combination)) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
          m.put(columns.get(i), combination.get(i));
        }
        m.putAll(with);
        out.add(new Row(m));
      }
    }
    return out;
  }

  /** Every combination of key values, the first key varying slowest. */
  private List<List<String>> combinations() {
    List<List<String>> combos = List.of(List.of());
    for (List<String> values : keys.values()) {
      List<List<String>> next = new ArrayList<>();
      for (List<String> c : combos) {
        for (String v : values) {
          List<String> n = new ArrayList<>(c);
          n.add(v);
          next.add(n);
        }
      }
      combos = next;
    }
    return combos;
  }
}
