package dev.exportersuite.core.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Regular expressions from metrics files, flags and allow lists: bounded in size when read, so that a stray megabyte
 * cannot cost minutes of CPU, and in time when they run, since Java's engine backtracks: a pattern such as
 * {@code (a+)+b} takes exponential time on a value of a's, and one team's file would then hold a scrape thread (and
 * every scrape waiting on it) for good.
 */
public final class Regexes {

  public static final int MAX_LENGTH = 4096;

  /** How long one match may run. A sane pattern over a value of kilobytes takes microseconds. */
  public static final Duration MAX_MATCH_TIME = Duration.ofSeconds(1);

  private Regexes() {}

  /** The regex at {@code key}, refused with its line when longer than {@value #MAX_LENGTH} characters. */
  public static String bounded(YamlMapping m, String key) throws ConfigException {
    String regex = m.requiredString(key);
    if (regex.length() > MAX_LENGTH) {
      throw m.error(key, "a regular expression of " + regex.length() + " characters; at most " + MAX_LENGTH);
    }
    return regex;
  }

  /**
   * A matcher of a configured {@code pattern} over {@code text} (data or a request's value) that gives up after
   * {@link #MAX_MATCH_TIME}.
   *
   * @throws RegexTimeoutException from the matcher's methods when the match runs longer
   */
  public static Matcher matcher(Pattern pattern, CharSequence text) {
    return pattern.matcher(new TimedText(text, pattern, System.nanoTime() + MAX_MATCH_TIME.toNanos()));
  }

  /** A match that ran past {@link #MAX_MATCH_TIME}; the message names the pattern (cut), never the text. */
  public static final class RegexTimeoutException extends RuntimeException {
    RegexTimeoutException(Pattern pattern) {
      super("the regular expression '" + cut(pattern.pattern()) + "' ran longer than " + MAX_MATCH_TIME.toMillis()
          + " ms on one value: it backtracks too much (nested repetition such as (a+)+); simplify it", null,
          false, false);
    }

    private static String cut(String p) {
      return p.length() <= 80 ? p : p.substring(0, 80) + "...";
    }
  }

  /** The text as the engine reads it, a character at a time; every 4,096 reads look at the clock. */
  private static final class TimedText implements CharSequence {
    private final CharSequence text;
    private final Pattern pattern;
    private final long deadline;
    private int reads;

    TimedText(CharSequence text, Pattern pattern, long deadline) {
      this.text = text;
      this.pattern = pattern;
      this.deadline = deadline;
    }

    @Override
    public char charAt(int index) {
      if ((++reads & 4095) == 0 && System.nanoTime() > deadline) {
        throw new RegexTimeoutException(pattern);
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return text.subSequence(start, end);
    }

    @Override
    public String toString() {
      return text.toString();
    }
  }
}
