package dev.exportersuite.redis;

import dev.exportersuite.core.collect.Row;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisFuture;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code @streams}: what redis_exporter's {@code --check-streams} and {@code --check-single-streams} read, as rows
 * that a definition picks by {@code level}:
 * <pre>
 * {level: stream,   db, stream, length, radix_tree_keys, radix_tree_nodes, last_generated_id, groups,
 *                   max_deleted_entry_id, first_entry_id, last_entry_id}
 * {level: group,    db, stream, group, consumers, messages_pending, last_delivered_id, entries_read, lag}
 * {level: consumer, db, stream, group, consumer, messages_pending, idle_seconds}
 * </pre>
 * Entry ids are given as their millisecond part, as redis_exporter gives them. {@code XINFO STREAM} and
 * {@code XINFO GROUPS} of a batch of streams go in one pipelined round trip, then the {@code XINFO CONSUMERS} of
 * their groups in another. A key that is not a stream, or is gone, is skipped, as redis_exporter skips it.
 */
final class StreamReader {

  private final KeyScanner scanner;

  StreamReader(KeyScanner scanner) {
    this.scanner = scanner;
  }

  List<Row> rows(KeyCheck check) throws Exception {
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<Integer, Set<KeyName>> e : scanner.keysByDb(check).entrySet()) {
      String db = "db" + e.getKey();
      List<KeyName> names = new ArrayList<>(e.getValue());
      scanner.inDb(e.getKey(), () -> {
        for (int i = 0; i < names.size(); i += check.batch()) {
          read(db, names.subList(i, Math.min(names.size(), i + check.batch())), check.consumers(), rows);
        }
        return null;
      });
    }
    return rows;
  }

  private void read(String db, List<KeyName> keys, boolean consumers, List<Row> rows) throws Exception {
    var c = scanner.connection();
    List<RedisFuture<Object>> infos = new ArrayList<>();
    List<RedisFuture<Object>> groups = new ArrayList<>();
    for (KeyName s : keys) {
      infos.add(Commands.sendKeys(c, "XINFO", "STREAM", s));
      groups.add(Commands.sendKeys(c, "XINFO", "GROUPS", s));
    }
    record Group(String stream, String name, RedisFuture<Object> consumers) {}
    List<Group> pending = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      String stream = keys.get(i).label();
      Map<String, Object> info;
      List<?> groupList;
      try {
        info = map(Commands.await(infos.get(i), scanner.deadline(), "XINFO"));
        groupList = (List<?>) Commands.await(groups.get(i), scanner.deadline(), "XINFO");
      } catch (RedisCommandExecutionException notAStream) {
        continue;
      }
      rows.add(row("stream", db, stream,
          "length", number(info.get("length")),
          "radix_tree_keys", number(info.get("radix-tree-keys")),
          "radix_tree_nodes", number(info.get("radix-tree-nodes")),
          "last_generated_id", id(info.get("last-generated-id")),
          "groups", number(info.get("groups")),
          "max_deleted_entry_id", id(info.get("max-deleted-entry-id")),
          "first_entry_id", id(entryId(info.get("first-entry"))),
          "last_entry_id", id(entryId(info.get("last-entry")))));
      for (Object g : groupList) {
        Map<String, Object> group = map(g);
        String name = String.valueOf(group.get("name"));
        Row r = row("group", db, stream,
            "group", name,
            "consumers", number(group.get("consumers")),
            "messages_pending", number(group.get("pending")),
            "last_delivered_id", id(group.get("last-delivered-id")),
            "entries_read", number(group.get("entries-read")),
            "lag", number(group.get("lag")));
        rows.add(r);
        if (consumers) {
          pending.add(new Group(stream, name, Commands.sendKeys(c, "XINFO", "CONSUMERS", keys.get(i), name)));
        }
      }
    }
    for (Group g : pending) {
      Object reply;
      try {
        reply = Commands.await(g.consumers(), scanner.deadline(), "XINFO");
      } catch (RedisCommandExecutionException gone) {
        continue;
      }
      for (Object o : (List<?>) reply) {
        Map<String, Object> consumer = map(o);
        rows.add(row("consumer", db, g.stream(),
            "group", g.name(),
            "consumer", String.valueOf(consumer.get("name")),
            "messages_pending", number(consumer.get("pending")),
            "idle_seconds", number(consumer.get("idle")) / 1e3));
      }
    }
  }

  private static Row row(String level, String db, String stream, Object... columnsAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("level", level);
    m.put("db", db);
    m.put("stream", stream);
    for (int i = 0; i < columnsAndValues.length; i += 2) {
      m.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
    }
    return new Row(m);
  }

  /** A RESP3 map, or RESP2's flat list of names and values. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object reply) {
    if (reply instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    if (reply instanceof List<?> l) {
      for (int i = 0; i + 1 < l.size(); i += 2) {
        out.put(String.valueOf(l.get(i)), l.get(i + 1));
      }
    }
    return out;
  }

  /** A missing or nil figure is 0, as redis_exporter's struct scan leaves it. */
  private static double number(Object v) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof String s) {
      try {
        return Double.parseDouble(s);
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    return 0;
  }

  /** The id of an entry {@code [id, [field, value, ...]]}, or null. */
  private static Object entryId(Object entry) {
    return entry instanceof List<?> l && !l.isEmpty() ? l.get(0) : null;
  }

  /** {@code 1700000000000-3} -> 1700000000000: the entry's time in milliseconds; empty or missing -> 0. */
  static double id(Object v) {
    if (v == null) {
      return 0;
    }
    String s = v.toString().strip();
    int dash = s.indexOf('-');
    try {
      return s.isEmpty() ? 0 : Double.parseDouble(dash < 0 ? s : s.substring(0, dash));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
