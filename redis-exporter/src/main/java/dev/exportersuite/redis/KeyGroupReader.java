package dev.exportersuite.redis;

import dev.exportersuite.core.collect.Row;
import io.lettuce.core.RedisCommandExecutionException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code @key-groups}: redis_exporter's {@code --check-key-groups}. In each database a Lua script walks the keys a
 * SCAN batch at a time on the server, names each key's group by the captures of the first Lua pattern that
 * matches it ({@code unclassified} when none does) and sums the keys and their {@code MEMORY USAGE} per group;
 * only the per-group sums come back. When a database has more groups than {@code max}, the largest by memory keep
 * their name and the rest are summed as {@code overflow}, as redis_exporter does. Rows:
 * <pre>
 * {level: group, db, key_group, count, memory_usage_bytes}
 * {level: db, db, distinct}                 the number of groups found in the database
 * {level: scrape, last_key_groups_scrape_duration_milliseconds}    one row, also without patterns
 * </pre>
 */
final class KeyGroupReader {

  /** ARGV: cursor, batch size, then the patterns. Returns {next cursor, {{group, keys, bytes}, ...}}. */
  private static final String SCRIPT = String.join("\n",
      "local page = redis.call('SCAN', ARGV[1], 'COUNT', ARGV[2])",
      "local totals = {}",
      "for _, key in ipairs(page[2]) do",
      "  local name = 'unclassified'",
      "  for i = 3, #ARGV do",
      "    local found = {string.find(key, ARGV[i])}",
      "    if found[1] then",
      "      name = table.concat(found, '', 3)",
      "      break",
      "    end",
      "  end",
      "  local bytes = redis.call('MEMORY', 'USAGE', key) or 0",
      "  local t = totals[name]",
      "  if t then t[1] = t[1] + 1; t[2] = t[2] + bytes else totals[name] = {1, bytes} end",
      "end",
      "local out = {}",
      "for name, t in pairs(totals) do out[#out + 1] = {name, t[1], t[2]} end",
      "return {page[1], out}",
      "");
  private static final String SHA = sha1(SCRIPT);

  private final KeyScanner scanner;

  KeyGroupReader(KeyScanner scanner) {
    this.scanner = scanner;
  }

  /** One group's keys and bytes in one database. */
  record Totals(long count, long bytes) {
    Totals plus(Totals o) {
      return new Totals(count + o.count, bytes + o.bytes);
    }
  }

  /** The one row of a check without patterns: a duration of 0. */
  static List<Row> withoutGroups() {
    return List.of(new Row(Map.of("level", "scrape", "last_key_groups_scrape_duration_milliseconds", 0.0)));
  }

  List<Row> rows(KeyCheck check, int databases) throws Exception {
    long start = System.nanoTime();
    List<Row> rows = new ArrayList<>();
    if (!check.groups().isEmpty()) {
      for (int db = 0; db < databases; db++) {
        int d = db;
        Map<String, Totals> groups = scanner.inDb(db, () -> gather(check));
        rows.addAll(dbRows("db" + d, groups, check.maxGroups()));
      }
    }
    rows.add(new Row(Map.of("level", "scrape", "last_key_groups_scrape_duration_milliseconds",
        (double) ((System.nanoTime() - start) / 1_000_000))));
    return rows;
  }

  private Map<String, Totals> gather(KeyCheck check) throws Exception {
    Map<String, Totals> groups = new LinkedHashMap<>();
    String cursor = "0";
    do {
      List<String> args = new ArrayList<>(List.of(cursor, Integer.toString(check.batch())));
      args.addAll(check.groups());
      Object reply = eval(args);
      if (!(reply instanceof List<?> parts) || parts.size() != 2 || !(parts.get(1) instanceof List<?> found)) {
        throw new IllegalStateException("unexpected reply of the key groups script");
      }
      cursor = String.valueOf(parts.get(0));
      for (Object o : found) {
        List<?> g = (List<?>) o;
        groups.merge(String.valueOf(g.get(0)), new Totals(((Number) g.get(1)).longValue(),
            ((Number) g.get(2)).longValue()), Totals::plus);
      }
    } while (!cursor.equals("0"));
    return groups;
  }

  private Object eval(List<String> argv) throws Exception {
    List<String> call = new ArrayList<>(List.of("EVALSHA", SHA, "0"));
    call.addAll(argv);
    try {
      return Commands.call(scanner.connection(), scanner.deadline(), call);
    } catch (RedisCommandExecutionException e) {
      if (e.getMessage() == null || !e.getMessage().startsWith("NOSCRIPT")) {
        throw e;
      }
      call.set(0, "EVAL");
      call.set(1, SCRIPT);
      return Commands.call(scanner.connection(), scanner.deadline(), call);
    }
  }

  /** The groups of one database, the largest {@code max} by memory by name and the rest as {@code overflow}. */
  static List<Row> dbRows(String db, Map<String, Totals> groups, int max) {
    List<Map.Entry<String, Totals>> sorted = new ArrayList<>(groups.entrySet());
    List<Row> rows = new ArrayList<>();
    if (sorted.size() > max) {
      // redis_exporter's order: most memory first, then fewer keys, then the name.
      sorted.sort(Comparator.<Map.Entry<String, Totals>>comparingLong(e -> -e.getValue().bytes())
          .thenComparingLong(e -> e.getValue().count()).thenComparing(Map.Entry::getKey));
      Totals rest = new Totals(0, 0);
      for (Map.Entry<String, Totals> e : sorted.subList(max, sorted.size())) {
        rest = rest.plus(e.getValue());
      }
      sorted = new ArrayList<>(sorted.subList(0, max));
      sorted.add(Map.entry("overflow", rest));
    }
    for (Map.Entry<String, Totals> e : sorted) {
      rows.add(new Row(Map.of("level", "group", "db", db, "key_group", e.getKey(), "count",
          (double) e.getValue().count(), "memory_usage_bytes", (double) e.getValue().bytes())));
    }
    rows.add(new Row(Map.of("level", "db", "db", db, "distinct", (double) groups.size())));
    return rows;
  }

  private static String sha1(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
