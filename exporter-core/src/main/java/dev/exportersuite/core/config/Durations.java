package dev.exportersuite.core.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations written the way the Go exporters and Prometheus write them: {@code 500ms}, {@code 2s}, {@code 1m30s}. */
public final class Durations {

  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|us|µs|ns|s|m|h|d)");

  /** Far beyond any timeout or interval, and far below what a Duration in nanoseconds can hold (292 years). */
  public static final Duration MAX = Duration.ofDays(365);

  private Durations() {}

  /** @throws IllegalArgumentException with a message that shows the accepted forms */
  public static Duration parse(String text) {
    String s = text == null ? "" : text.trim();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty duration; write e.g. 500ms, 2s, 1m30s");
    }
    if (s.length() > 64) {
      throw new IllegalArgumentException("a duration of " + s.length() + " characters; write e.g. 500ms, 2s, 1m30s");
    }
    if (s.chars().allMatch(Character::isDigit)) {
      return atMostMax(s, s.length() > 12 ? Double.MAX_VALUE : Long.parseLong(s) * 1e9);
    }
    Matcher m = PART.matcher(s);
    int pos = 0;
    double nanos = 0;
    while (m.find() && m.start() == pos) {
      double amount = Double.parseDouble(m.group(1));
      nanos += amount * unitNanos(m.group(2));
      pos = m.end();
    }
    if (pos != s.length()) {
      throw new IllegalArgumentException("'" + s + "' is not a duration; write e.g. 500ms, 2s, 1m30s");
    }
    return atMostMax(s, nanos);
  }

  private static Duration atMostMax(String text, double nanos) {
    if (nanos > MAX.toNanos()) {
      throw new IllegalArgumentException("'" + text + "' is longer than 365d, the longest duration "
          + "this exporter takes");
    }
    return Duration.ofNanos(Math.round(nanos));
  }

  private static double unitNanos(String unit) {
    return switch (unit) {
      case "ns" -> 1;
      case "us", "µs" -> 1e3;
      case "ms" -> 1e6;
      case "s" -> 1e9;
      case "m" -> 60e9;
      case "h" -> 3600e9;
      case "d" -> 86400e9;
      default -> throw new IllegalArgumentException("unknown unit " + unit);
    };
  }

  /** The short form a person would write, for messages and the landing page. */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms % 3_600_000 == 0 && ms > 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms % 60_000 == 0 && ms > 0) {
      return ms / 60_000 + "m";
    }
    if (ms % 1000 == 0) {
      return ms / 1000 + "s";
    }
    return ms + "ms";
  }
}
