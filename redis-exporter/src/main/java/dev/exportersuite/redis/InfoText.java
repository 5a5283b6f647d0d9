package dev.exportersuite.redis;

import dev.exportersuite.core.collect.Columns;
import dev.exportersuite.core.collect.Row;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the text of {@code INFO} (and {@code CLUSTER INFO}) into rows, one per figure:
 *
 * <pre>
 * # Clients                              section=clients name=connected_clients field=connected_clients value=1
 * connected_clients:1
 * # Keyspace                             section=keyspace name=db0 field=keys    value=12
 * db0:keys=12,expires=3,avg_ttl=0        section=keyspace name=db0 field=expires value=3
 *                                        section=keyspace name=db0 field=avg_ttl value=0
 * </pre>
 *
 * A line whose value is a list of {@code k=v} pairs gives one row per pair; a plain line gives one row whose
 * {@code field} repeats its name, so that both kinds can be named with the same {@code fieldtoappend: field}.
 * Values stay text: the engine reads numbers from text and maps words through {@code valuemap}.
 */
final class InfoText {

  /** Room for INFO ALL's rows of a small server (about 250), so that the list is not regrown on every scrape. */
  private static final int INFO_ALL_ROWS = 320;
  /** Every row's columns, held once for all of them. */
  private static final Columns COLUMNS = Columns.of("section", "name", "field", "value");

  private InfoText() {}

  static List<Row> rows(String text) {
    return List.copyOf(parse(text));
  }

  /** The rows of {@code text} in a list of the caller's own. */
  private static List<Row> parse(String text) {
    List<Row> rows = new ArrayList<>(INFO_ALL_ROWS);
    String section = "";
    for (String raw : (Iterable<String>) text.lines()::iterator) {
      String line = raw.strip();
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("#")) {
        section = line.substring(1).strip().toLowerCase(Locale.ROOT);
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String name = line.substring(0, colon);
      String value = line.substring(colon + 1);
      Map<String, String> pairs = pairs(value);
      if (pairs.isEmpty()) {
        rows.add(row(section, name, name, value));
      } else {
        for (Map.Entry<String, String> p : pairs.entrySet()) {
          rows.add(row(section, name, p.getKey(), p.getValue()));
        }
      }
    }
    return rows;
  }

  /** Whether an INFO text holds the keyspace section (so that empty databases can be added to it). */
  static boolean hasKeyspace(String text) {
    return text.contains("# Keyspace");
  }

  /** Whether the server says it runs in cluster mode, where only db0 exists. */
  static boolean clusterEnabled(String text) {
    return text.contains("\ncluster_enabled:1");
  }

  /**
   * The rows of {@code text}, plus {@code keys} and {@code expires} rows of 0 for each of the first
   * {@code databases} databases the keyspace section leaves out, as redis_exporter reports empty databases.
   */
  static List<Row> withEmptyDatabases(String text, int databases) {
    List<Row> rows = parse(text);
    Set<String> present = new HashSet<>();
    for (Row r : rows) {
      if ("keyspace".equals(r.get("section"))) {
        present.add(String.valueOf(r.get("name")));
      }
    }
    for (int db = 0; db < databases; db++) {
      if (!present.contains("db" + db)) {
        rows.add(row("keyspace", "db" + db, "keys", "0"));
        rows.add(row("keyspace", "db" + db, "expires", "0"));
      }
    }
    // Immutable as List.copyOf makes it, which the engine's own List.copyOf then takes as it is.
    return List.copyOf(rows);
  }

  private static Row row(String section, String name, String field, String value) {
    return COLUMNS.row(section, name, field, value);
  }

  /** {@code a=1,b=2} as pairs; empty when the value is not such a list (e.g. {@code os:Linux 6.1 x86_64}). */
  static Map<String, String> pairs(String value) {
    // Most lines are plain figures: no map for them.
    if (value.indexOf('=') < 0) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String part : value.split(",")) {
      int eq = part.indexOf('=');
      if (eq <= 0) {
        return Map.of();
      }
      out.put(part.substring(0, eq), part.substring(eq + 1));
    }
    return out;
  }
}
