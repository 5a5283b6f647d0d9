package dev.exportersuite.redis;

import dev.exportersuite.core.collect.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the text of {@code CLIENT LIST} into one row per client, its {@code k=v} fields as columns ({@code -} in a
 * name becomes {@code _}: {@code qbuf-free} is {@code qbuf_free}), plus what redis_exporter derives from them:
 *
 * <pre>
 * id=7 addr=10.0.0.5:50312 ... name=worker age=120 idle=3 flags=N db=0 ... omem=0 tot-mem=22400 cmd=get user=default resp=3
 *   {id: 7, addr: ..., host: 10.0.0.5, port: 50312, name: worker, age: 120, idle: 3, ..., created_at: NOW-120,
 *    idle_since: NOW-3, user: default, resp: 3}
 * </pre>
 *
 * {@code created_at} and {@code idle_since} are unix seconds. {@code user} and {@code resp} are empty on servers
 * that do not report them, {@code ssub} and {@code watch} null (no sample). A line that is not {@code id=N addr=...}, or holds a field that is not {@code k=v}, is
 * left out, as redis_exporter leaves it out.
 */
final class ClientListText {

  private ClientListText() {}

  static List<Row> rows(String text, long nowSeconds) {
    List<Row> rows = new ArrayList<>();
    for (String line : text.split("\r?\n")) {
      Row r = row(line.strip(), nowSeconds);
      if (r != null) {
        rows.add(r);
      }
    }
    return List.copyOf(rows);
  }

  private static Row row(String line, long now) {
    if (!line.matches("id=\\d+ addr=\\S+.*")) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("user", "");
    m.put("resp", "");
    // Fields of newer servers (ssub: 7.0.3, watch: 7.4): null, so their metrics are left out where missing.
    m.put("ssub", null);
    m.put("watch", null);
    for (String part : line.split(" ")) {
      int eq = part.indexOf('=');
      if (eq <= 0 || part.indexOf('=', eq + 1) >= 0) {
        return null;
      }
      m.put(part.substring(0, eq).replace('-', '_'), part.substring(eq + 1));
    }
    String addr = String.valueOf(m.get("addr"));
    int colon = addr.lastIndexOf(':');
    if (colon <= 0) {
      return null;
    }
    m.put("host", addr.substring(0, colon));
    m.put("port", addr.substring(colon + 1));
    try {
      m.put("created_at", Long.toString(now - Long.parseLong(String.valueOf(m.get("age")))));
      m.put("idle_since", Long.toString(now - Long.parseLong(String.valueOf(m.get("idle")))));
    } catch (NumberFormatException e) {
      return null;
    }
    return new Row(m);
  }
}
