package dev.exportersuite.core.collect;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Column names that many rows share, so that each row holds only its values: INFO ALL gives ~250 rows of
 * {@code section, name, field, value} a scrape, and a map of its own per row cost ~370 bytes where the values
 * take ~100. Meant for a few columns: a lookup compares the names in turn.
 */
public final class Columns {

  private final String[] names;

  private Columns(String[] names) {
    this.names = names;
  }

  /**
   * @param names lower-cased here
   * @throws IllegalArgumentException when a name comes twice (names ignore case)
   */
  public static Columns of(String... names) {
    String[] lower = new String[names.length];
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < names.length; i++) {
      lower[i] = names[i].toLowerCase(Locale.ROOT);
      if (!seen.add(lower[i])) {
        throw new IllegalArgumentException("column '" + lower[i] + "' is given twice (column names ignore case)");
      }
    }
    return new Columns(lower);
  }

  /**
   * A row with these columns, in this order.
   *
   * @param values one per column; the array becomes the row's, so a caller passes a fresh one (as varargs do)
   */
  public Row row(Object... values) {
    if (values.length != names.length) {
      throw new IllegalArgumentException(names.length + " columns " + Arrays.toString(names) + " but "
          + values.length + " values");
    }
    return new Row(new Values(names, values));
  }

  /**
   * A row's read-only map over the shared names (or names of its own, see {@link #plus}); equal to any map of the
   * same entries, as maps are.
   */
  static final class Values extends AbstractMap<String, Object> {

    private final String[] names;
    private final Object[] values;

    private Values(String[] names, Object[] values) {
      this.names = names;
      this.values = values;
    }

    private int indexOf(Object column) {
      return indexOf(names, names.length, column);
    }

    private static int indexOf(String[] names, int length, Object column) {
      for (int i = 0; i < length; i++) {
        if (names[i].equals(column)) {
          return i;
        }
      }
      return -1;
    }

    /**
     * This row's columns followed by {@code extra}'s (names lower-cased), as {@link Row#with} makes them; null when
     * an extra column is one of the row's or comes twice, which Row.with handles with a map of its own. A match's
     * groups add a column or two to INFO rows: two arrays instead of a map.
     */
    Row plus(Map<String, ?> extra) {
      String[] n = Arrays.copyOf(names, names.length + extra.size());
      Object[] v = Arrays.copyOf(values, n.length);
      int i = names.length;
      for (Map.Entry<String, ?> e : extra.entrySet()) {
        String column = e.getKey().toLowerCase(Locale.ROOT);
        if (indexOf(n, i, column) >= 0) {
          return null;
        }
        n[i] = column;
        v[i++] = e.getValue();
      }
      return new Row(new Values(n, v));
    }

    @Override
    public int size() {
      return names.length;
    }

    @Override
    public boolean containsKey(Object column) {
      return indexOf(column) >= 0;
    }

    @Override
    public Object get(Object column) {
      int i = indexOf(column);
      return i < 0 ? null : values[i];
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Object> action) {
      for (int i = 0; i < names.length; i++) {
        action.accept(names[i], values[i]);
      }
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public int size() {
          return names.length;
        }

        @Override
        public Iterator<Map.Entry<String, Object>> iterator() {
          return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
              return next < names.length;
            }

            @Override
            public Map.Entry<String, Object> next() {
              if (next >= names.length) {
                throw new NoSuchElementException();
              }
              int i = next++;
              return new AbstractMap.SimpleImmutableEntry<>(names[i], values[i]);
            }
          };
        }
      };
    }
  }
}
