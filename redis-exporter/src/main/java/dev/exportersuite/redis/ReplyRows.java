package dev.exportersuite.redis;

import dev.exportersuite.core.collect.Columns;
import dev.exportersuite.core.collect.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns any reply into rows by its shape alone (see the README for examples):
 * <ul>
 *   <li>nil: no rows;</li>
 *   <li>a single value (integer, double, bulk or status string, boolean): one row {@code {value}};</li>
 *   <li>a map: one row, its keys as columns;</li>
 *   <li>an array of maps: one row per map;</li>
 *   <li>an array of arrays: one row per inner array, columns {@code c0, c1, ...} by position;</li>
 *   <li>an array of single values: one row per element, {@code {index, value}}.</li>
 * </ul>
 * A nested aggregate inside a row becomes its text form; nothing is dropped silently.
 */
final class ReplyRows {

  /** A flat reply's rows (RESP2's CONFIG GET, a list of values): their columns, held once. */
  private static final Columns INDEXED = Columns.of("index", "value");

  private ReplyRows() {}

  static List<Row> rows(Object reply) {
    if (reply == null) {
      return List.of();
    }
    if (reply instanceof Map<?, ?> map) {
      return List.of(mapRow(map));
    }
    if (reply instanceof List<?> list) {
      List<Row> out = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        Object item = list.get(i);
        if (item instanceof Map<?, ?> m) {
          out.add(mapRow(m));
        } else if (item instanceof List<?> inner) {
          Row.Builder columns = Row.builder(inner.size());
          for (int j = 0; j < inner.size(); j++) {
            columns.put("c" + j, scalar(inner.get(j)));
          }
          out.add(columns.build());
        } else {
          out.add(INDEXED.row((long) i, scalar(item)));
        }
      }
      return out;
    }
    return List.of(Row.builder(1).put("value", scalar(reply)).build());
  }

  private static Row mapRow(Map<?, ?> map) {
    Row.Builder columns = Row.builder(map.size());
    map.forEach((k, v) -> columns.put(String.valueOf(k), scalar(v)));
    return columns.build();
  }

  /** Row values are numbers, text, booleans or null; a nested aggregate is kept as its text. */
  static Object scalar(Object v) {
    if (v == null || v instanceof String || v instanceof Boolean) {
      return v;
    }
    if (v instanceof Number n) {
      return n instanceof java.math.BigDecimal b ? b.doubleValue() : n;
    }
    return String.valueOf(v);
  }
}
