package dev.exportersuite.core.rows;

import dev.exportersuite.core.collect.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code match: {section: commandstats, name: 'cmdstat_(?<cmd>.+)'}}: keeps the rows where every listed column's
 * text fully matches its pattern; each named group becomes a column (lower-case) holding what it matched.
 *
 * <p>{@code columns}: column name -> pattern, in file order.
 */
public final class Match implements RowStep {

  private final Map<String, Pattern> columns;
  /**
   * What a scrape runs, read from the patterns once; an array, as a dozen entries test every one of INFO's 250 rows
   * each scrape and an immutable list's iterator was an allocation per row (C1 does no escape analysis).
   */
  private final ColumnPattern[] tests;

  public Match(Map<String, Pattern> columns) {
    this.columns = Cells.columnMap(columns, "match", "COLUMN: REGEX",
        "{name: 'cmdstat_(?<cmd>.+)'}", "pattern", "give it one pattern");
    Map<String, String> groupColumn = new LinkedHashMap<>();
    List<ColumnPattern> compiled = new ArrayList<>();
    for (Map.Entry<String, Pattern> e : this.columns.entrySet()) {
      ColumnPattern c = ColumnPattern.of(e.getKey(), e.getValue());
      compiled.add(c);
      for (String group : c.groups()) {
        String other = groupColumn.put(group.toLowerCase(Locale.ROOT), e.getKey());
        if (other != null) {
          throw new IllegalArgumentException("match: two groups would both fill column '"
              + group.toLowerCase(Locale.ROOT) + "' (patterns of '" + other + "' and '" + e.getKey()
              + "'; group names ignore case here): rename one group");
        }
      }
    }
    this.tests = compiled.toArray(ColumnPattern[]::new);
  }

  public Map<String, Pattern> columns() {
    return columns;
  }

  // Equal as the record this was: by its columns (a Pattern is equal to itself only).
  @Override
  public boolean equals(Object o) {
    return o instanceof Match other && columns.equals(other.columns);
  }

  @Override
  public int hashCode() {
    return columns.hashCode();
  }

  @Override
  public String toString() {
    return "Match[columns=" + columns + "]";
  }

  @Override
  public String keyword() {
    return "match";
  }

  @Override
  public List<Row> apply(List<Row> rows) {
    List<Row> out = new ArrayList<>();
    for (Row row : rows) {
      Map<String, Object> extra = matches(row);
      if (extra != null) {
        out.add(extra.isEmpty() ? row : Cells.with(row, extra));
      }
    }
    return out;
  }

  /**
   * The columns a matching row gains from the groups (empty when there are none), or null when it does not match.
   * Indexed loops and a map made only when a group fills it: most rows fail, and the image's JIT (C1) keeps every
   * iterator and map a loop makes.
   */
  private Map<String, Object> matches(Row row) {
    Map<String, Object> extra = Map.of();
    for (ColumnPattern c : tests) {
      Matcher m = c.match(Cells.text(row.get(c.column())));
      if (m == null) {
        return null;
      }
      List<String> groups = c.groups();
      for (int i = 0; i < groups.size(); i++) {
        String group = groups.get(i);
        String text;
        try {
          text = m.group(group);
        } catch (IllegalArgumentException notAGroup) {
          // GroupNames reads the pattern's text: "(?<x>" inside [...] looks like a group and is not one.
          continue;
        }
        if (extra.isEmpty()) {
          extra = new LinkedHashMap<>();
        }
        extra.put(group, text);
      }
    }
    return extra;
  }
}
