package dev.exportersuite.redis;

import dev.exportersuite.core.collect.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The row steps a request may end with ({@code INFO keyspace | match name (?<db>db\d+)}): small, generic
 * reshapings of rows, so that a reply's rows fit a metric definition without code. Each step is parsed when the
 * metrics files load, so a mistake is reported with its file and line, not at the first scrape.
 */
interface RowSteps {

  List<Row> apply(List<Row> rows);

  static RowSteps parse(List<String> words) {
    if (words.isEmpty()) {
      throw new IllegalArgumentException("empty step after |");
    }
    String op = words.get(0).toLowerCase(Locale.ROOT);
    List<String> args = words.subList(1, words.size());
    return switch (op) {
      case "match" -> Match.parse(args);
      case "rename" -> new Rename(assignments(op, args));
      case "set" -> new SetColumns(assignments(op, args));
      case "pairs" -> noArgs(op, args, new Pairs());
      case "unpivot" -> new Unpivot(List.copyOf(lower(args)));
      case "pivot" -> Pivot.parse(args);
      case "calc" -> Calc.parse(String.join(" ", args));
      case "fill" -> Fill.parse(args);
      default -> throw new IllegalArgumentException("unknown step '" + words.get(0)
          + "'; known: match, rename, set, pairs, unpivot, pivot, calc, fill");
    };
  }

  private static RowSteps noArgs(String op, List<String> args, RowSteps step) {
    if (!args.isEmpty()) {
      throw new IllegalArgumentException(op + " takes no arguments, found " + args);
    }
    return step;
  }

  private static List<String> lower(List<String> words) {
    return words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
  }

  /** {@code a=b c=d} as an ordered map with lower-case keys. */
  private static Map<String, String> assignments(String op, List<String> args) {
    if (args.isEmpty()) {
      throw new IllegalArgumentException(op + " needs column=value words");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String a : args) {
      int eq = a.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(op + ": expected column=value, found '" + a + "'");
      }
      out.put(a.substring(0, eq).toLowerCase(Locale.ROOT), a.substring(eq + 1));
    }
    return out;
  }

  private static Row with(Row row, Map<String, Object> extra) {
    Map<String, Object> m = new LinkedHashMap<>(row.values());
    m.putAll(extra);
    return new Row(m);
  }

  private static String text(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
      return Long.toString(d.longValue());
    }
    return v.toString();
  }

  /** {@code match COLUMN REGEX [as NAME,...]}: keeps rows whose column fully matches; groups become columns. */
  record Match(String column, Pattern pattern, List<String> names) implements RowSteps {

    private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

    static Match parse(List<String> args) {
      if (args.size() != 2 && !(args.size() == 4 && args.get(2).equalsIgnoreCase("as"))) {
        throw new IllegalArgumentException("write: match COLUMN REGEX [as NAME1,NAME2]");
      }
      Pattern p;
      try {
        p = Pattern.compile(args.get(1));
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("match: not a valid regular expression: " + e.getDescription());
      }
      List<String> names = new ArrayList<>();
      if (args.size() == 4) {
        names.addAll(lower(List.of(args.get(3).split(","))));
        if (names.size() > p.matcher("").groupCount()) {
          throw new IllegalArgumentException("match: " + names.size() + " names for " + p.matcher("").groupCount()
              + " groups in " + args.get(1));
        }
      }
      Matcher g = GROUP_NAME.matcher(args.get(1));
      List<String> named = new ArrayList<>();
      while (g.find()) {
        named.add(g.group(1));
      }
      if (!names.isEmpty() && !named.isEmpty()) {
        throw new IllegalArgumentException("match: use named groups or 'as', not both");
      }
      return new Match(args.get(0).toLowerCase(Locale.ROOT), p, names.isEmpty() ? List.copyOf(named) : names);
    }

    @Override
    public List<Row> apply(List<Row> rows) {
      List<Row> out = new ArrayList<>();
      boolean positional = !names.isEmpty() && pattern.pattern().indexOf("(?<") < 0;
      for (Row row : rows) {
        Matcher m = pattern.matcher(text(row.get(column)));
        if (!m.matches()) {
          continue;
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
          extra.put(names.get(i), positional ? m.group(i + 1) : m.group(names.get(i)));
        }
        out.add(with(row, extra));
      }
      return out;
    }
  }

  /** {@code rename OLD=NEW ...}. */
  record Rename(Map<String, String> names) implements RowSteps {
    @Override
    public List<Row> apply(List<Row> rows) {
      List<Row> out = new ArrayList<>(rows.size());
      for (Row row : rows) {
        Map<String, Object> m = new LinkedHashMap<>();
        row.values().forEach((k, v) -> m.put(names.getOrDefault(k, k), v));
        out.add(new Row(m));
      }
      return out;
    }
  }

  /** {@code set COLUMN=VALUE ...}: a constant column, e.g. {@code set info=1} for an info metric. */
  record SetColumns(Map<String, String> values) implements RowSteps {
    @Override
    public List<Row> apply(List<Row> rows) {
      return rows.stream().map(r -> with(r, new LinkedHashMap<>(values))).toList();
    }
  }

  /**
   * {@code pairs}: a flat array {@code [k1, v1, k2, v2]} (RESP2 {@code CONFIG GET}, a script's return) or a map
   * (RESP3) becomes rows {@code {field, value}}, the same for both protocols.
   */
  record Pairs() implements RowSteps {
    @Override
    public List<Row> apply(List<Row> rows) {
      boolean flat = rows.stream().allMatch(r -> r.columns().equals(Set.of("index", "value")));
      if (!flat) {
        return new Unpivot(List.of()).apply(rows);
      }
      if (rows.size() % 2 != 0) {
        throw new IllegalStateException("pairs: the reply has an odd number of elements (" + rows.size() + ")");
      }
      List<Row> out = new ArrayList<>();
      for (int i = 0; i < rows.size(); i += 2) {
        out.add(Row.of("field", text(rows.get(i).get("value")), "value", rows.get(i + 1).get("value")));
      }
      return out;
    }
  }

  /** {@code unpivot [KEEP...]}: each other column of a row becomes a row {@code {KEEP..., field, value}}. */
  record Unpivot(List<String> keep) implements RowSteps {
    @Override
    public List<Row> apply(List<Row> rows) {
      List<Row> out = new ArrayList<>();
      for (Row row : rows) {
        Map<String, Object> kept = new LinkedHashMap<>();
        for (String k : keep) {
          kept.put(k, row.get(k));
        }
        row.values().forEach((column, value) -> {
          if (!keep.contains(column)) {
            Map<String, Object> m = new LinkedHashMap<>(kept);
            m.put("field", column);
            m.put("value", value);
            out.add(new Row(m));
          }
        });
      }
      return out;
    }
  }

  /**
   * {@code pivot [NAME VALUE [by GROUP]]}: rows become one row (one per GROUP value), each NAME value a column
   * holding VALUE (default {@code name value}).
   */
  record Pivot(String nameColumn, String valueColumn, String groupBy) implements RowSteps {
    static Pivot parse(List<String> args) {
      if (args.isEmpty()) {
        return new Pivot("name", "value", null);
      }
      if (args.size() == 2) {
        return new Pivot(args.get(0).toLowerCase(Locale.ROOT), args.get(1).toLowerCase(Locale.ROOT), null);
      }
      if (args.size() == 4 && args.get(2).equalsIgnoreCase("by")) {
        return new Pivot(args.get(0).toLowerCase(Locale.ROOT), args.get(1).toLowerCase(Locale.ROOT),
            args.get(3).toLowerCase(Locale.ROOT));
      }
      throw new IllegalArgumentException("write: pivot [NAME_COLUMN VALUE_COLUMN [by GROUP_COLUMN]]");
    }

    @Override
    public List<Row> apply(List<Row> rows) {
      Map<String, Map<String, Object>> groups = new LinkedHashMap<>();
      for (Row row : rows) {
        String group = groupBy == null ? "" : text(row.get(groupBy));
        Map<String, Object> m = groups.computeIfAbsent(group, g -> {
          Map<String, Object> first = new LinkedHashMap<>();
          if (groupBy != null) {
            first.put(groupBy, row.get(groupBy));
          }
          return first;
        });
        // The first value wins: INFO repeats names in list lines (e.g. a db's several fields).
        m.putIfAbsent(text(row.get(nameColumn)), row.get(valueColumn));
      }
      return groups.values().stream().map(Row::new).toList();
    }
  }

  /** {@code calc NAME = A OP B}: A and B are columns or numbers, OP one of + - * /. */
  record Calc(String target, String left, char op, String right) implements RowSteps {

    private static final Pattern FORM = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(\\S+?)\\s*([-+*/])\\s*(\\S+)");

    static Calc parse(String text) {
      Matcher m = FORM.matcher(text.strip());
      if (!m.matches()) {
        throw new IllegalArgumentException("write: calc NAME = A OP B (columns or numbers, OP + - * /), found '"
            + text + "'");
      }
      return new Calc(m.group(1).toLowerCase(Locale.ROOT), m.group(2).toLowerCase(Locale.ROOT), m.group(3).charAt(0),
          m.group(4).toLowerCase(Locale.ROOT));
    }

    @Override
    public List<Row> apply(List<Row> rows) {
      List<Row> out = new ArrayList<>(rows.size());
      for (Row row : rows) {
        Double a = operand(row, left);
        Double b = operand(row, right);
        Object result = null;
        if (a != null && b != null) {
          result = switch (op) {
            case '+' -> a + b;
            case '-' -> a - b;
            case '*' -> a * b;
            default -> b == 0 ? null : a / b;
          };
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put(target, result);
        out.add(with(row, extra));
      }
      return out;
    }

    private static Double operand(Row row, String word) {
      Object v = row.has(word) ? row.get(word) : word;
      if (v instanceof Number n) {
        return n.doubleValue();
      }
      try {
        return v == null ? null : Double.parseDouble(v.toString().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
  }

  /**
   * {@code fill COLUMN=VALUES ... [with COLUMN=VALUE ...]}: adds a row for every combination of the listed
   * values that no row has, with the {@code with} columns. VALUES is {@code a,b,c} or a range {@code db0..db15}.
   * Without key columns it adds one row when there are none, e.g. {@code SLOWLOG GET 1 | fill with c0=0}.
   */
  record Fill(Map<String, List<String>> keys, Map<String, String> defaults) implements RowSteps {

    private static final Pattern RANGE = Pattern.compile("(\\D*)(\\d+)\\.\\.(\\D*)(\\d+)");

    static Fill parse(List<String> args) {
      Map<String, List<String>> keys = new LinkedHashMap<>();
      Map<String, String> defaults = new LinkedHashMap<>();
      boolean after = false;
      for (String a : args) {
        if (a.equalsIgnoreCase("with")) {
          after = true;
          continue;
        }
        int eq = a.indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException("fill: expected column=values, found '" + a + "'");
        }
        String column = a.substring(0, eq).toLowerCase(Locale.ROOT);
        String spec = a.substring(eq + 1);
        if (after) {
          defaults.put(column, spec);
        } else {
          keys.put(column, values(spec));
        }
      }
      if (defaults.isEmpty()) {
        throw new IllegalArgumentException("fill: say what the added rows hold: ... with value=0");
      }
      return new Fill(keys, defaults);
    }

    private static List<String> values(String spec) {
      Matcher m = RANGE.matcher(spec);
      if (m.matches()) {
        String prefix = m.group(1);
        if (!m.group(3).isEmpty() && !m.group(3).equals(prefix)) {
          throw new IllegalArgumentException("fill: a range keeps one prefix, e.g. db0..db15, found " + spec);
        }
        int from = Integer.parseInt(m.group(2));
        int to = Integer.parseInt(m.group(4));
        if (to < from || to - from > 4096) {
          throw new IllegalArgumentException("fill: range " + spec + " must go up, by at most 4096 values");
        }
        List<String> out = new ArrayList<>();
        for (int i = from; i <= to; i++) {
          out.add(prefix + i);
        }
        return out;
      }
      return List.of(spec.split(","));
    }

    @Override
    public List<Row> apply(List<Row> rows) {
      List<Row> out = new ArrayList<>(rows);
      List<Map<String, Object>> combos = new ArrayList<>();
      combos.add(new LinkedHashMap<>());
      for (Map.Entry<String, List<String>> k : keys.entrySet()) {
        List<Map<String, Object>> next = new ArrayList<>();
        for (Map<String, Object> c : combos) {
          for (String v : k.getValue()) {
            Map<String, Object> n = new LinkedHashMap<>(c);
            n.put(k.getKey(), v);
            next.add(n);
          }
        }
        combos = next;
      }
      for (Map<String, Object> combo : combos) {
        boolean present = rows.stream().anyMatch(r -> combo.entrySet().stream()
            .allMatch(e -> text(r.get(e.getKey())).equals(e.getValue())));
        if (!present) {
          Map<String, Object> m = new LinkedHashMap<>(combo);
          m.putAll(defaults);
          out.add(new Row(m));
        }
      }
      return out;
    }
  }
}
