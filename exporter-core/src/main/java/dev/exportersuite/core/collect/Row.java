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
    // A Columns row's map is read-only and lower-cased as made, so it is kept as it is.
    if (values instanceof Lowered own) {
      values = Collections.unmodifiableMap(own);
    } else if (!(values instanceof Columns.Values)) {
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
    if (values instanceof Columns.Values compact) {
      Row added = compact.plus(extra);
      if (added != null) {
        return added;
      }
    }
    Lowered m = new Lowered(values.size() + extra.size());
    // forEach, not putAll: the read-only view's entry set wraps every entry it hands out.
    values.forEach(m::put);
    extra.forEach((k, v) -> m.put(k.toLowerCase(Locale.ROOT), v));
    return new Row(m);
  }

  /** A row filled column by column, for steps and executors that make many: no map is copied to make it. */
  public static Builder builder(int columns) {
    return new Builder(columns);
  }

  /** Fills one row; names are lower-cased as they come. Used once: {@link #build} hands the map to the row. */
  public static final class Builder {

    private Lowered values;

    private Builder(int columns) {
      values = new Lowered(columns);
    }

    /** Sets a column, replacing its value in place if it is there. */
    public Builder put(String column, Object value) {
      values.put(column.toLowerCase(Locale.ROOT), value);
      return this;
    }

    /** Sets a column unless it has a value (a column holding null counts as empty, as in {@link Map#putIfAbsent}). */
    public Builder putIfAbsent(String column, Object value) {
      values.putIfAbsent(column.toLowerCase(Locale.ROOT), value);
      return this;
    }

    /** @throws IllegalStateException when this builder already made its row */
    public Row build() {
      if (values == null) {
        throw new IllegalStateException("this builder already made its row");
      }
      Row row = new Row(values);
      values = null;
      return row;
    }
  }

  public Set<String> columns() {
    return values.keySet();
  }
}
