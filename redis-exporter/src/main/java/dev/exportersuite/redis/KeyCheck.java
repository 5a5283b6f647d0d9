package dev.exportersuite.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The exporter-side key checks, written as requests so that they are collectors like any other:
 *
 * <pre>
 * &#64;keys match=db0=user:* key=db3=counter batch=1000 limit=10000
 *     one row per key: {db, key, type, size, value}  (redis_exporter's --check-keys / --check-single-keys)
 * &#64;count-keys match=db0=sessions:* batch=1000 limit=1000000
 *     one row per pattern: {db, key, count}          (redis_exporter's --count-keys)
 * </pre>
 *
 * Patterns are walked with {@code SCAN MATCH ... COUNT batch}, never {@code KEYS}; {@code limit} bounds how many
 * keys one request may visit (more is an error, not a silent cut). {@code dbN=} is optional (default db0).
 */
record KeyCheck(boolean count, List<DbKey> patterns, List<DbKey> keys, int batch, long limit) {

  static final int DEFAULT_BATCH = 1000;
  static final long DEFAULT_LIMIT = 10_000;
  static final long DEFAULT_COUNT_LIMIT = 1_000_000;

  /** A key or pattern and the database it lives in. */
  record DbKey(int db, String name) {
    String dbLabel() {
      return "db" + db;
    }
  }

  KeyCheck {
    patterns = List.copyOf(patterns);
    keys = List.copyOf(keys);
  }

  static KeyCheck parse(List<String> words) {
    String op = words.get(0).toLowerCase(Locale.ROOT);
    boolean count = switch (op) {
      case "@keys" -> false;
      case "@count-keys" -> true;
      default -> throw new IllegalArgumentException("unknown exporter request '" + words.get(0)
          + "'; known: @keys, @count-keys");
    };
    List<DbKey> patterns = new ArrayList<>();
    List<DbKey> keys = new ArrayList<>();
    int batch = DEFAULT_BATCH;
    long limit = count ? DEFAULT_COUNT_LIMIT : DEFAULT_LIMIT;
    for (String w : words.subList(1, words.size())) {
      int eq = w.indexOf('=');
      String option = eq < 0 ? "" : w.substring(0, eq).toLowerCase(Locale.ROOT);
      String value = eq < 0 ? "" : w.substring(eq + 1);
      switch (option) {
        case "match" -> patterns.add(dbKey(value));
        case "key" -> {
          if (count) {
            throw new IllegalArgumentException("@count-keys counts patterns: use match=");
          }
          keys.add(dbKey(value));
        }
        case "batch" -> batch = (int) number(option, value, 1, 100_000);
        case "limit" -> limit = number(option, value, 1, 100_000_000);
        default -> throw new IllegalArgumentException(op + ": expected match=[dbN=]PATTERN, key=[dbN=]NAME, "
            + "batch=N or limit=N, found '" + w + "'");
      }
    }
    if (patterns.isEmpty() && keys.isEmpty()) {
      throw new IllegalArgumentException(op + " needs at least one match=" + (count ? "" : " or key="));
    }
    return new KeyCheck(count, patterns, keys, batch, limit);
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
