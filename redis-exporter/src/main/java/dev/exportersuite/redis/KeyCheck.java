package dev.exportersuite.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The exporter-side key checks, written as requests so that they are collectors like any other:
 *
 * <pre>
 * &#64;keys match=db0=user:* key=db3=counter batch=1000 limit=10000 [cluster=true] 
 *     one row per key: {db, key, type, size, value}  (redis_exporter's --check-keys / --check-single-keys)
 * &#64;count-keys match=db0=sessions:* batch=1000 limit=1000000
 *     one row per pattern: {db, key, count}          (redis_exporter's --count-keys)
 * &#64;streams match=db0=orders:* key=db1=events batch=1000 limit=10000 [consumers=false]
 *     rows per stream, group and consumer            (redis_exporter's --check-streams / --check-single-streams)
 * &#64;key-groups group='^(%a+):' group=... batch=1000 max=100
 *     rows per database and key group                (redis_exporter's --check-key-groups)
 * </pre>
 *
 * Patterns are walked with {@code SCAN MATCH ... COUNT batch}, never {@code KEYS}; {@code limit} bounds how many
 * keys one request may visit (more is an error, not a silent cut). {@code dbN=} is optional (default db0).
 * {@code cluster=true} reads the keys on every master of a Redis Cluster, all in db0.
 */
record KeyCheck(Mode mode, List<DbKey> patterns, List<DbKey> keys, int batch, long limit, boolean cluster,
    boolean consumers, List<String> groups, int maxGroups) {

  static final int DEFAULT_BATCH = 1000;
  static final int MAX_BATCH = 100_000;
  static final long DEFAULT_LIMIT = 10_000;
  static final long DEFAULT_COUNT_LIMIT = 1_000_000;
  static final int DEFAULT_MAX_GROUPS = 100;
  static final int MAX_MAX_GROUPS = 100_000;
  /** A key-group pattern is a short Lua pattern; anything longer is a mistake. */
  static final int MAX_GROUP_PATTERN = 256;

  /** What the check reads. */
  enum Mode {
    KEYS("@keys"), COUNT("@count-keys"), STREAMS("@streams"), KEY_GROUPS("@key-groups");

    final String word;

    Mode(String word) {
      this.word = word;
    }

    static String words() {
      return String.join(", ", java.util.Arrays.stream(values()).map(m -> m.word).toList());
    }
  }

  /** A key or pattern and the database it lives in. */
  record DbKey(int db, String name) {
    String dbLabel() {
      return "db" + db;
    }
  }

  KeyCheck {
    patterns = List.copyOf(patterns);
    keys = List.copyOf(keys);
    groups = List.copyOf(groups);
  }

  boolean count() {
    return mode == Mode.COUNT;
  }

  static KeyCheck parse(List<String> words) {
    String op = words.get(0).toLowerCase(Locale.ROOT);
    Mode mode = java.util.Arrays.stream(Mode.values()).filter(m -> m.word.equals(op)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown exporter request '" + words.get(0)
            + "'; known: " + Mode.words()));
    List<DbKey> patterns = new ArrayList<>();
    List<DbKey> keys = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    int batch = DEFAULT_BATCH;
    long limit = mode == Mode.COUNT ? DEFAULT_COUNT_LIMIT : DEFAULT_LIMIT;
    boolean cluster = false;
    boolean consumers = true;
    int maxGroups = DEFAULT_MAX_GROUPS;
    for (String w : words.subList(1, words.size())) {
      int eq = w.indexOf('=');
      String option = eq < 0 ? "" : w.substring(0, eq).toLowerCase(Locale.ROOT);
      String value = eq < 0 ? "" : w.substring(eq + 1);
      String allowed = switch (mode) {
        case KEYS -> "match key batch limit cluster";
        case COUNT -> "match batch limit";
        case STREAMS -> "match key batch limit consumers";
        case KEY_GROUPS -> "group batch max";
      };
      if (option.isEmpty() || !(" " + allowed + " ").contains(" " + option + " ")) {
        throw new IllegalArgumentException(op + ": expected " + String.join("=..., ", allowed.split(" "))
            + "=..., found '" + (w.length() > 60 ? w.substring(0, 60) + "..." : w) + "'");
      }
      switch (option) {
        case "match" -> patterns.add(dbKey(value));
        case "key" -> keys.add(dbKey(value));
        case "batch" -> batch = (int) number(option, value, 1, MAX_BATCH);
        case "limit" -> limit = number(option, value, 1, 100_000_000);
        case "cluster" -> cluster = bool(option, value);
        case "consumers" -> consumers = bool(option, value);
        case "max" -> maxGroups = (int) number(option, value, 1, MAX_MAX_GROUPS);
        case "group" -> groups.add(group(value));
        default -> throw new IllegalStateException(option);
      }
    }
    if (mode != Mode.KEY_GROUPS && patterns.isEmpty() && keys.isEmpty()) {
      throw new IllegalArgumentException(op + " needs at least one match=" + (mode == Mode.COUNT ? "" : " or key="));
    }
    if (mode == Mode.KEY_GROUPS && groups.size() > 100) {
      throw new IllegalArgumentException(op + ": at most 100 group= patterns");
    }
    return new KeyCheck(mode, patterns, keys, batch, limit, cluster, consumers, groups, maxGroups);
  }

  private static String group(String pattern) {
    if (pattern.isEmpty() || pattern.length() > MAX_GROUP_PATTERN) {
      throw new IllegalArgumentException("a key group pattern has 1 to " + MAX_GROUP_PATTERN + " characters");
    }
    return pattern;
  }

  private static boolean bool(String option, String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(option + "= takes true or false");
    };
  }

  /** {@code db3=user:*} or {@code user:*} (db0), as redis_exporter's flags write them. */
  static DbKey dbKey(String spec) {
    int eq = spec.indexOf('=');
    if (eq > 0 && spec.substring(0, eq).matches("(?i)(db)?\\d+")) {
      String db = spec.substring(0, eq).replaceFirst("(?i)^db", "");
      String name = spec.substring(eq + 1);
      if (name.isEmpty()) {
        throw new IllegalArgumentException("empty key name in '" + spec + "'");
      }
      return new DbKey(Integer.parseInt(db), name);
    }
    if (spec.isEmpty()) {
      throw new IllegalArgumentException("empty key name");
    }
    return new DbKey(0, spec);
  }

  private static long number(String option, String value, long min, long max) {
    try {
      long n = Long.parseLong(value);
      if (n < min || n > max) {
        throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", found " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + "= needs a whole number, found '" + value + "'");
    }
  }
}
