package dev.exportersuite.core.rows;

import dev.exportersuite.core.collect.Row;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code match: {section: commandstats, name: 'cmdstat_(?<cmd>.+)'}}: keeps the rows where every listed column's
 * text fully matches its pattern; each named group becomes a column (lower-case) holding what it matched.
 *
 * @param columns column name -> pattern, in file order
 */
public record Match(Map<String, Pattern> columns) implements RowStep {

  public Match {
    columns = Cells.columnMap(columns, "match", "COLUMN: REGEX",
        "{name: 'cmdstat_(?<cmd>.+)'}", "pattern", "give it one pattern");
    Map<String, String> groupColumn = new LinkedHashMap<>();
    for (Map.Entry<String, Pattern> e : columns.entrySet()) {
      for (String group : GroupNames.of(e.getValue())) {
        String other = groupColumn.put(group.toLowerCase(Locale.ROOT), e.getKey());
        if (other != null) {
          throw new IllegalArgumentException("match: two groups would both fill column '"
              + group.toLowerCase(Locale.ROOT) + "' (patterns of '" + other + "' and '" + e.getKey()
              + "'; group names ignore case here): rename one group");
        }
      }
    }
  }

  @Override
  public String keyword() {
    return "match";
  }

  @Override
  public List<Row> apply(List<Row> rows) {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    columns.forEach((column, pattern) -> groups.put(column, GroupNames.of(pattern)));
    List<Row> out = new ArrayList<>();
    for (Row row : rows) {
      Map<String, Object> extra = new LinkedHashMap<>();
      if (matches(row, groups, extra)) {
        out.add(extra.isEmpty() ? row : Cells.with(row, extra));
      }
    }
    return out;
  }

  private boolean matches(Row row, Map<String, List<String>> groups, Map<String, Object> extra) {
    for (Map.Entry<String, Pattern> c : columns.entrySet()) {
      Matcher m = c.getValue().matcher(Cells.text(row.get(c.getKey())));
      if (!m.matches()) {
        return false;
      }
      for (String group : groups.get(c.getKey())) {
        try {
          extra.put(group, m.group(group));
        } catch (IllegalArgumentException notAGroup) {
          // GroupNames reads the pattern's text: "(?<x>" inside [...] looks like a group and is not one.
        }
      }
    }
    return true;
  }
}
