package dev.exportersuite.redis;

import dev.exportersuite.core.collect.Row;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Runs a {@link KeyCheck} on one connection: walks patterns with {@code SCAN}, then asks each key's type and
 * size in pipelined batches (one round trip per batch and step, not per key). Only strings of at most 1024 bytes
 * are read with {@code GET}, so a check never pulls large values over the network.
 */
final class KeyScanner {

  /**
   * Strings longer than this are not fetched: a label value is cut at 1024 characters anyway, and a check must
   * never pull large values over the network.
   */
  private static final int MAX_VALUE_LENGTH = 1024;

  private final StatefulRedisConnection<String, String> connection;
  private final long deadline;
  private final int homeDb;

  KeyScanner(StatefulRedisConnection<String, String> connection, long deadlineNanos, int homeDb) {
    this.connection = connection;
    this.deadline = deadlineNanos;
    this.homeDb = homeDb;
  }

  /** @param databases how many databases the server has, for {@code @key-groups} */
  List<Row> run(KeyCheck check, int databases) throws Exception {
    return switch (check.mode()) {
      case KEYS, COUNT -> keys(check);
      case STREAMS -> new StreamReader(this).rows(check);
      case KEY_GROUPS -> new KeyGroupReader(this).rows(check, databases);
    };
  }

  StatefulRedisConnection<String, String> connection() {
    return connection;
  }

  long deadline() {
    return deadline;
  }

  /**
   * Runs {@code work} with {@code db} selected on this connection, and puts the connection back on its own
   * database afterwards.
   */
  <T> T inDb(int db, Callable<T> work) throws Exception {
    int selected = select(homeDb, db);
    try {
      return work.call();
    } finally {
      if (selected != homeDb) {
        Commands.call(connection, Math.max(deadline, System.nanoTime() + 1_000_000_000L), "SELECT",
            Integer.toString(homeDb));
      }
    }
  }

  /** The keys of a check's names and patterns, by database: names as given, patterns walked with SCAN. */
  Map<Integer, Set<KeyName>> keysByDb(KeyCheck check) throws Exception {
    Map<Integer, Set<KeyName>> byDb = new LinkedHashMap<>();
    for (KeyCheck.DbKey k : check.keys()) {
      byDb.computeIfAbsent(k.db(), d -> new LinkedHashSet<>()).add(KeyName.of(k.name()));
    }
    long visited = 0;
    for (KeyCheck.DbKey p : check.patterns()) {
      Set<KeyName> found = byDb.computeIfAbsent(p.db(), d -> new LinkedHashSet<>());
      long budget = check.limit() - visited;
      visited += inDb(p.db(), () -> scan(p.name(), check.batch(), budget, found));
    }
    return byDb;
  }

  private List<Row> keys(KeyCheck check) throws Exception {
    int selected = homeDb;
    try {
      List<Row> rows = new ArrayList<>();
      long visited = 0;
      if (check.count()) {
        for (KeyCheck.DbKey p : check.patterns()) {
          selected = select(selected, p.db());
          long n = scan(p.name(), check.batch(), check.limit() - visited, null);
          visited += n;
          rows.add(Row.of("db", p.dbLabel(), "key", p.name(), "count", n));
        }
        return rows;
      }
      Map<Integer, Set<KeyName>> byDb = new LinkedHashMap<>();
      for (KeyCheck.DbKey k : check.keys()) {
        byDb.computeIfAbsent(k.db(), d -> new LinkedHashSet<>()).add(KeyName.of(k.name()));
      }
      for (KeyCheck.DbKey p : check.patterns()) {
        selected = select(selected, p.db());
        Set<KeyName> found = byDb.computeIfAbsent(p.db(), d -> new LinkedHashSet<>());
        visited += scan(p.name(), check.batch(), check.limit() - visited, found);
      }
      for (Map.Entry<Integer, Set<KeyName>> e : byDb.entrySet()) {
        selected = select(selected, e.getKey());
        List<KeyName> names = new ArrayList<>(e.getValue());
        for (int i = 0; i < names.size(); i += check.batch()) {
          rows.addAll(describe("db" + e.getKey(), names.subList(i, Math.min(names.size(), i + check.batch()))));
        }
      }
      return rows;
    } finally {
      if (selected != homeDb) {
        // Puts the pooled connection back where the others expect it; if this fails the caller drops it.
        Commands.call(connection, Math.max(deadline, System.nanoTime() + 1_000_000_000L), "SELECT",
            Integer.toString(homeDb));
      }
    }
  }

  private int select(int current, int db) throws Exception {
    if (current != db) {
      Commands.call(connection, deadline, "SELECT", Integer.toString(db));
    }
    return db;
  }

  /**
   * Walks one pattern; adds the keys to {@code into} when given.
   *
   * @return how many keys matched
   */
  long scan(String pattern, int batch, long budget, Set<KeyName> into) throws Exception {
    String cursor = "0";
    long matched = 0;
    do {
      // Keys as bytes: they need not be UTF-8, and are sent back as they came.
      Object reply = Commands.await(Commands.send(connection, List.of("SCAN", cursor, "MATCH", pattern, "COUNT",
          Integer.toString(batch)), new ReplyOutput(ReplyLimits.INTERNAL, true)), deadline, "SCAN");
      if (!(reply instanceof List<?> parts) || parts.size() != 2 || !(parts.get(0) instanceof byte[] next)
          || !(parts.get(1) instanceof List<?> keys)) {
        throw new IllegalStateException("unexpected SCAN reply");
      }
      cursor = new String(next, java.nio.charset.StandardCharsets.US_ASCII);
      matched += keys.size();
      if (matched > budget) {
        throw new IllegalStateException("more keys match '" + pattern + "' than the limit allows; narrow the "
            + "pattern or raise limit= (--check-keys-limit)");
      }
      if (into != null) {
        keys.forEach(k -> into.add(KeyName.of((byte[]) k)));
      }
    } while (!cursor.equals("0"));
    return matched;
  }

  /** TYPE, then the size command of each type, then GET for short strings: three pipelined round trips. */
  private List<Row> describe(String db, List<KeyName> names) throws Exception {
    List<RedisFuture<Object>> types = new ArrayList<>(names.size());
    for (KeyName k : names) {
      types.add(Commands.sendKeys(connection, "TYPE", k));
    }
    List<String> typeOf = new ArrayList<>(names.size());
    for (RedisFuture<Object> f : types) {
      typeOf.add(String.valueOf(Commands.await(f, deadline, "TYPE")));
    }
    List<RedisFuture<Object>> sizes = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      String sizeCommand = switch (typeOf.get(i)) {
        case "string" -> "STRLEN";
        case "list" -> "LLEN";
        case "set" -> "SCARD";
        case "zset" -> "ZCARD";
        case "hash" -> "HLEN";
        case "stream" -> "XLEN";
        default -> null;
      };
      sizes.add(sizeCommand == null ? null : Commands.sendKeys(connection, sizeCommand, names.get(i)));
    }
    List<Long> sizeOf = new ArrayList<>(names.size());
    List<RedisFuture<Object>> values = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      Object size = sizes.get(i) == null ? 0L : Commands.await(sizes.get(i), deadline, "size");
      long n = size instanceof Number num ? num.longValue() : 0L;
      sizeOf.add(n);
      boolean readValue = typeOf.get(i).equals("string") && n <= MAX_VALUE_LENGTH;
      values.add(readValue ? Commands.sendKeys(connection, "GET", names.get(i)) : null);
    }
    List<Row> rows = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      Object value = values.get(i) == null ? null : Commands.await(values.get(i), deadline, "GET");
      Object number = number(value);
      long size = sizeOf.get(i);
      if (value instanceof String s && s.startsWith("HYLL")) {
        // A HyperLogLog is a string to TYPE; its size is the estimate, as redis_exporter reports it.
        size = ((Number) Commands.await(Commands.sendKeys(connection, "PFCOUNT", names.get(i)), deadline,
            "PFCOUNT")).longValue();
        number = null;
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("db", db);
      m.put("key", names.get(i).label());
      m.put("type", typeOf.get(i));
      m.put("size", size);
      m.put("value", number);
      // redis_exporter's key_value_as_string{val}: the text of a string that is not a number.
      m.put("val", number == null && value instanceof String text && !text.startsWith("HYLL") ? text : null);
      rows.add(new Row(m));
    }
    return rows;
  }

  private static Double number(Object value) {
    if (value == null) {
      return null;
    }
    try {
      double d = Double.parseDouble(value.toString().trim());
      return Double.isNaN(d) ? null : d;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
