package dev.exportersuite.core.collect;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One row of a request's result: column name (lower-case, so that files match case-insensitively) to value.
 * A value is a {@link Number}, a {@link String}, a {@link Boolean} or null. Every executor, SQL or not,
 * speaks in rows, so the engine has no datastore-specific paths.
 */
public record Row(Map<String, Object> values) {

  public Row {
    if (values instanceof Lowered own) {
      values = Collections.unmodifiableMap(own);
    } else {
      Map<String, Object> lower = new LinkedHashMap<>();
      for (Map.Entry<String, ?> e : values.entrySet()) {
        lower.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
      }
      values = Collections.unmodifiableMap(lower);
    }
  }

  /**
   * A map {@link #of} fills with lower-cased names and hands to no one else, so the constructor need not copy it:
   * a large Kafka scrape makes tens of thousands of rows.
   */
  private static final class Lowered extends LinkedHashMap<String, Object> {
    Lowered(int columns) {
      super(columns * 4 / 3 + 1);
    }
  }

  /** {@code Row.of("name", "x", "value", 1)}. */
  public static Row of(Object... columnsAndValues) {
    if (columnsAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("columns and values must come in pairs");
    }
    Lowered m = new Lowered(columnsAndValues.length / 2);
    for (int i = 0; i < columnsAndValues.length; i += 2) {
      m.put(String.valueOf(columnsAndValues[i]).toLowerCase(Locale.ROOT), columnsAndValues[i + 1]);
    }
    return new Row(m);
  }

  // Columns are asked for by names that are lower-case already nearly always (a scrape asks thousands of times):
  // the exact key first, lower-casing only when that finds nothing.
  public boolean has(String column) {
    return values.containsKey(column) || values.containsKey(column.toLowerCase(Locale.ROOT));
  }

  public Object get(String column) {
    Object v = values.get(column);
    return v != null ? v : values.get(column.toLowerCase(Locale.ROOT));
  }

  /** This row with {@code extra} added (names lower-cased); a column it already has is replaced in place. */
  public Row with(Map<String, ?> extra) {
    Lowered m = new Lowered(values.size() + extra.size());
    m.putAll(values);
    extra.forEach((k, v) -> m.put(k.toLowerCase(Locale.ROOT), v));
    return new Row(m);
  }

  public Set<String> columns() {
    return values.keySet();
  }
}
