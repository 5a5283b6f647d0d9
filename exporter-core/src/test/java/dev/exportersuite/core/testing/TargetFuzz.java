package dev.exportersuite.core.testing;

import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A bounded, seeded mutation fuzzer for address parsers: it starts from valid addresses and the injection forms
 * attackers use, and splices, inserts and deletes the characters and tokens that mean something to drivers.
 * Not coverage-guided; it runs a fixed number of inputs (and stops early at a time limit) so a CI run is bounded
 * and repeatable, and prints the seed and input of a failure.
 */
public final class TargetFuzz {

  private static final String[] TOKENS = {
      "(", ")", "=", ",", "/", "?", "&", "#", "@", ":", ";", "[", "]", "%", "%00", "%2F", "\\", "'", "\"", " ",
      "\t", "\n", "\r", "\u0000", "\u00e9", "\uFF0F", "..", "::", "host=", "port=", "address=",
      "allowLoadLocalInfile=true", "autoDeserialize=true", "allowMultiQueries=true", "timeout=0", "clientName=x",
      "sentinelMasterId=m", "unix://", "redis://", "rediss://", "jdbc:mysql://", "127.0.0.1", "[::1]", "3306",
      "6379", "99999", "-1", "0", "localhost", "db_1", "a-b"};

  private TargetFuzz() {}

  /**
   * Calls {@code check} with {@code inputs} mutated texts (and the seeds themselves).
   *
   * @param seeds valid and hostile starting points
   */
  public static void run(long seed, int inputs, long maxMillis, List<String> seeds, Consumer<String> check) {
    Random random = new Random(seed);
    long deadline = System.currentTimeMillis() + maxMillis;
    for (String s : seeds) {
      check(seed, s, check);
    }
    for (int i = 0; i < inputs && System.currentTimeMillis() < deadline; i++) {
      String text = seeds.get(random.nextInt(seeds.size()));
      int edits = 1 + random.nextInt(4);
      for (int e = 0; e < edits; e++) {
        text = mutate(random, text);
      }
      check(seed, text, check);
    }
  }

  private static void check(long seed, String text, Consumer<String> check) {
    try {
      check.accept(text);
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError("seed " + seed + ", input " + escape(text) + ": " + e, e);
    }
  }

  private static String mutate(Random random, String text) {
    int at = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
    return switch (random.nextInt(5)) {
      case 0, 1 -> text.substring(0, at) + TOKENS[random.nextInt(TOKENS.length)] + text.substring(at);
      case 2 -> text.isEmpty() ? text : text.substring(0, Math.min(at, text.length() - 1))
          + text.substring(Math.min(at, text.length() - 1) + 1);
      case 3 -> text.substring(0, at) + (char) random.nextInt(0x80) + text.substring(at);
      default -> text + TOKENS[random.nextInt(TOKENS.length)];
    };
  }

  private static String escape(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      sb.append(c >= 0x20 && c < 0x7f && c != '"' ? String.valueOf(c) : String.format("\\u%04x", (int) c));
    }
    return sb.append('"').toString();
  }
}
